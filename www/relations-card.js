// <relations-card>: shows a country's foreign relations from the Rust core.
// This entry only registers the element (www/card/); registering is apart from
// the class so a second copy of this script on a page breaks nothing.
import { RelationsCard } from './card/element.js';

if (!customElements.get('relations-card')) customElements.define('relations-card', RelationsCard);

export { RelationsCard };
