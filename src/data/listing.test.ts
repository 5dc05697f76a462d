import { expect } from '@open-wc/testing';
import type { AccountSummary, Page } from '../api/model.js';
import { byName, Listing, type ListingRequest } from './listing.js';
import { nameBetween, nameFraction } from './name-between.js';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

/** `n` accounts named like words, in the backend's order. */
function level(n: number, names?: (i: number) => string): AccountSummary[] {
  const out: AccountSummary[] = [];
  for (let i = 0; i < n; i++) {
    const name = names ? names(i) : `${WORDS[i % 10]} ${WORDS[Math.floor(i / 10) % 10]} ${String(i).padStart(5, '0')}`;
    out.push({ id: `id${String(i).padStart(6, '0')}`, name, descendantsCount: 0 });
  }
  return out.sort(byName);
}

/**
 * A backend over `all` that pages the way Crossbar does: a cursor names the next row by its key (name only, as
 * Kazoo's `[parent, name]` does, so accounts sharing a name at a page's edge come twice), a start name starts at
 * the first row at or past it in the direction asked.
 */
function backend(all: AccountSummary[]) {
  const asked: ListingRequest[] = [];
  const fetch = async (r: ListingRequest): Promise<Page<AccountSummary>> => {
    asked.push(r);
    const down = r.direction === 'descending' || r.cursor?.startsWith('d:');
    const rows = down ? [...all].reverse() : all;
    const key = r.cursor ? r.cursor.slice(2) : r.startName;
    const cmp = (s: AccountSummary) => s.name.localeCompare(key!, undefined, { sensitivity: 'base' });
    const from = key === undefined ? 0 : rows.findIndex((s) => (down ? cmp(s) <= 0 : cmp(s) >= 0));
    if (from < 0) return { items: [] };
    const items = rows.slice(from, from + r.pageSize);
    const next = rows[from + r.pageSize];
    return { items, nextCursor: next && `${down ? 'd' : 'a'}:${next.name}` };
  };
  return { fetch, asked };
}

function make(all: AccountSummary[], hint?: number) {
  const b = backend(all);
  const listing = new Listing('children:p', 'p', b.fetch, () => {}, hint);
  return { listing, asked: b.asked };
}

/** Every loaded item, in order, and none twice. */
function expectOrdered(listing: Listing, all: AccountSummary[]) {
  const at = new Map(all.map((s, i) => [s.id, i]));
  const ids = listing.items.map((s) => s.id);
  expect(new Set(ids).size, 'no item twice').to.equal(ids.length);
  for (let k = 1; k < ids.length; k++) expect(at.get(ids[k]!)! > at.get(ids[k - 1]!)!, 'in order').to.equal(true);
}

describe('Listing: a level of any size', () => {
  it('is sized from its hint, reads the first page, then the last page backward, at their exact rows', async () => {
    const all = level(10_000);
    const { listing, asked } = make(all, 10_000);
    await listing.want(0, 20);
    expect(listing.items.map((s) => s.id)).to.deep.equal(all.slice(0, 50).map((s) => s.id));
    expect(listing.size).to.equal(10_000);
    await listing.want(9_990, 9_999);
    expect(asked[1]).to.include({ direction: 'descending', pageSize: 50 });
    expect(asked[1]!.startName).to.equal(undefined);
    for (let pos = 9_950; pos < 10_000; pos++) expect(listing.item(pos)!.id).to.equal(all[pos]!.id);
    expect(listing.posOf(all[9_999]!.id)).to.equal(9_999);
    expect(listing.size).to.equal(10_000);
    expectOrdered(listing, all);
  });

  it('jumps into the middle with one page started at a name, and reads on from both sides until the pages meet', async () => {
    const all = level(5_000);
    const { listing, asked } = make(all, 5_000);
    await listing.want(0, 20);
    await listing.want(2_500, 2_520);
    await listing.want(2_500, 2_520);
    // The last page first (a name to aim below), then the page started at the name that lies there.
    expect(asked).to.have.length(3);
    expect(asked[1]).to.include({ direction: 'descending' });
    expect(asked[2]!.startName).to.be.a('string');
    const landed = listing.item(2_500)!;
    const index = all.findIndex((s) => s.id === landed.id);
    expect(Math.abs(index - 2_500), 'near the middle').to.be.below(1_000);
    expect(listing.gaps).to.have.length(2);
    expect(listing.size).to.equal(5_000);
    // Reading every gap to its end: each account once, in order, and the size exact.
    for (let guard = 0; !listing.done && guard < 200; guard++) await listing.want(0, listing.size - 1);
    expect(listing.done).to.equal(true);
    expect(listing.items.map((s) => s.id)).to.deep.equal(all.map((s) => s.id));
    expect(listing.size).to.equal(5_000);
  });

  it('reads backward from a jumped page when the rows above it are wanted', async () => {
    const all = level(3_000);
    const { listing, asked } = make(all, 3_000);
    await listing.want(0, 10);
    await listing.want(1_500, 1_510);
    await listing.want(1_500, 1_510);
    const first = listing.item(1_500)!;
    await listing.want(1_480, 1_499);
    const back = asked[asked.length - 1]!;
    expect(back.direction).to.equal('descending');
    expect(back.startName).to.equal(first.name);
    const at = all.findIndex((s) => s.id === first.id);
    for (let k = 1; k <= 20; k++) expect(listing.item(1_500 - k)!.id).to.equal(all[at - k]!.id);
    expectOrdered(listing, all);
  });

  it('shows a name shared across a page edge once, and no row goes missing', async () => {
    // Kazoo's cursor names a row by its name only: the next page repeats every account of that name.
    const all = level(300, (i) => (i >= 40 && i < 70 ? 'same name' : `name ${String(i).padStart(4, '0')}`));
    const { listing } = make(all, 300);
    for (let guard = 0; !listing.done && guard < 50; guard++) await listing.want(0, listing.size - 1);
    expect(listing.items.map((s) => s.id).sort()).to.deep.equal(all.map((s) => s.id).sort());
    expect(listing.size).to.equal(300);
  });

  it('grows a page at a time when its size is unknown, and never jumps', async () => {
    const all = level(1_000);
    const { listing, asked } = make(all);
    await listing.want(0, 10);
    expect(listing.size).to.equal(100);
    await listing.want(90, 99);
    expect(asked.every((r) => r.direction === undefined && !r.startName)).to.equal(true);
    expect(listing.items).to.have.length(100);
    expect(listing.size, 'the rows to come grow with what is read').to.equal(200);
    expectOrdered(listing, all);
  });

  it('stops a request for rows scrolled away, and shows one error row in the gap that failed', async () => {
    const all = level(2_000);
    let fail = false;
    let hold = true;
    const b = backend(all);
    const pending: (() => void)[] = [];
    const listing = new Listing(
      'children:p',
      'p',
      (r) => {
        if (fail) return Promise.reject(new Error('network down'));
        if (hold && r.startName && !r.direction)
          return new Promise((resolve) => pending.push(() => resolve(b.fetch(r))));
        return b.fetch(r);
      },
      () => {},
      2_000,
    );
    await listing.want(0, 10);
    await listing.want(1_990, 1_999);
    const far = listing.want(1_000, 1_010);
    const farther = listing.want(1_500, 1_510);
    // A jump's request leaves once its name is made (a module loaded on the first jump): wait for it.
    for (let i = 0; i < 200 && !pending.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(pending.length, 'one jump request held').to.be.greaterThan(0);
    pending.forEach((go) => go());
    await far;
    await farther;
    expect(listing.item(1_000), 'the first jump was stopped').to.equal(undefined);
    expect(listing.item(1_500)).to.not.equal(undefined);
    hold = false;
    fail = true;
    await listing.want(600, 610);
    expect(listing.error?.message).to.contain('network down');
    const size = listing.size;
    let errors = 0;
    for (let pos = 0; pos < size; pos++) if (listing.errorAt(pos)) errors++;
    expect(errors).to.equal(1);
    fail = false;
    listing.retry();
    await listing.want(600, 610);
    expect(listing.item(600)).to.not.equal(undefined);
  });

  it('takes patches: a new account among loaded rows, none in a gap, a deleted one joins its gaps', async () => {
    const all = level(1_000);
    const { listing } = make(all, 1_000);
    await listing.want(0, 10);
    await listing.want(990, 999);
    await listing.want(500, 510);
    const added = { id: 'new', name: all[10]!.name + ' a', descendantsCount: 0 };
    const at = listing.placeOf(added);
    expect(at).to.equal(11);
    listing.put(added, at);
    expect(listing.item(11)!.id).to.equal('new');
    expect(listing.placeOf({ id: 'x', name: all[200]!.name, descendantsCount: 0 }), 'in a gap').to.equal(undefined);
    // Remove every item of the jumped page: its two gaps become one.
    const gaps = listing.gaps.length;
    for (const s of listing.items.slice(51)) listing.take(s.id);
    expect(listing.gaps.length).to.equal(gaps - 1);
  });
});

describe('nameBetween / nameFraction', () => {
  it('lands between two names, in proportion, and the fraction reads it back', () => {
    expect(nameBetween('alpha', 'charlie', 0.5) > 'alpha').to.equal(true);
    expect(nameBetween('alpha', 'charlie', 0.5) < 'charlie').to.equal(true);
    expect(nameBetween(undefined, undefined, 0.5)).to.match(/^[hi]/);
    expect(nameBetween('Acme 10', 'Acme 20', 0.5).startsWith('acme 1')).to.equal(true);
    const mid = nameBetween('bravo', 'hotel', 0.25);
    expect(nameFraction('bravo', 'hotel', mid)).to.be.closeTo(0.25, 0.01);
    expect(nameFraction('a', 'z', 'Émile')).to.be.closeTo(nameFraction('a', 'z', 'emile'), 1e-9);
  });
});
