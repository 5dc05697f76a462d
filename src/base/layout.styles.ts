import { css } from 'lit';

/** Section text, after `draftStyles`: headings and paragraphs without margins, headings at one size, `.intro` muted. */
export const sectionStyles = css`
  h2,
  h3 {
    margin: 0;
    font-size: var(--am-font-size-lg);
  }
  p {
    margin: 0;
  }
  .intro {
    color: var(--am-color-text-muted);
  }
`;

/** `sectionStyles` for an element whose `h2` titles several headed sections: a larger title, bold headings. */
export const titleStyles = [
  sectionStyles,
  css`
    h2,
    h3 {
      font-weight: var(--am-font-weight-bold);
    }
    h2 {
      font-size: var(--am-font-size-xl);
    }
  `,
];

/** Rich text in `.am-rich-text` (paragraphs, lists, links): as <account-notes> writes it and others show it. */
export const richTextStyles = css`
  .am-rich-text {
    /* Whatever the text holds stays inside its box. */
    contain: content;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .am-rich-text p {
    margin: 0 0 var(--am-space-2);
  }
  .am-rich-text p:last-child {
    margin-bottom: 0;
  }
  .am-rich-text ul,
  .am-rich-text ol {
    margin: 0 0 var(--am-space-2);
    padding-inline-start: var(--am-space-6);
  }
  .am-rich-text a {
    color: var(--am-color-accent-text);
  }
`;
