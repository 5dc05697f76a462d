// The opt-in: every element's attributes, properties and events in Svelte markup.
import type {} from 'account-manager-widgets/types/svelte';
