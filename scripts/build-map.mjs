// Writes pkg/map.json: the geometry of the card's map, projected and
// simplified, as SVG path data the browser draws without projection code.
//
// Projection and extent. The map must show Central Asia in detail and still
// hold every country partner of the built-in dataset, from Turkey in the west
// to Japan in the east, Malaysia in the south, and the United States. Both
// kinds of map were built and looked at in headless Chromium at 360 and 1000
// px wide:
// - a world map (Equal Earth). With its centre near 70°E the seam is at
//   110°W and cuts the United States in two; with the seam in the Atlantic
//   (centre 150°E) the US and Japan are both east of Asia, but Tajikistan is
//   19 × 14 units of 1000: 7 × 5 CSS px in a 360 px card, a dot among dots,
//   and its neighbours no better (Kyrgyzstan 11 × 5 px);
// - a regional map (chosen): Albers conic equal-area, standard parallels
//   25°N and 47°N, central meridian 88°E, cut to the box from western Turkey
//   to Hokkaido and from northern Kazakhstan to Malaysia, with the United
//   States in an inset in the bottom-right corner (the Pacific, where the
//   corner otherwise holds only bits of Indonesia, Timor and Australia).
//   Tajikistan is 55 × 44 units (20 × 16 CSS px at 360 px), about 3 times the
//   world map's size in each direction, and its border with each of
//   Afghanistan, China, Kyrgyzstan and Uzbekistan can be told apart.
//   Equal-area, so no country looks bigger than it is; the central meridian
//   sits between Turkey and Japan rather than on Tajikistan (71°E), so
//   neither end of the map leans. An azimuthal equal-area map on the same
//   box looked the same in Central Asia but tilted Japan and Turkey.
//
// Detail. Natural Earth at 1:50m (world-atlas, ISO 3166-1 numeric ids),
// simplified with Visvalingam on the topology's shared arcs, so two
// neighbours keep exactly one border, weighed in the projected pixels (a
// point goes when its triangle is under MIN_TRIANGLE px²), then rounded to
// whole units of the 1000-wide viewBox (0.36 CSS px in a 360 px card):
// repeated points, points on a straight line and rings under MIN_RING px²
// go. Paths are relative (`l`), numbers joined without spaces before a minus.
// 1:110m made 5.4 KiB gzip instead of 9.9, but drew Tajikistan with 40
// points instead of 98 and its Fergana and Pamir borders as a few straight
// strokes; 1:50m fits the budget easily.
//
// Deterministic (no dates, no randomness, countries sorted by code) and fast
// (about a second). `node scripts/build-map.mjs [OUT]` writes OUT instead.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import { geoConicEqualArea, geoPath } from 'd3-geo';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}pkg/map.json`;
const atlasVersion = JSON.parse(readFileSync(`${root}node_modules/world-atlas/package.json`, 'utf8')).version;
const atlas = JSON.parse(readFileSync(`${root}node_modules/world-atlas/countries-50m.json`, 'utf8'));

// ISO 3166-1 numeric → alpha-2, for every id in Natural Earth's countries.
const ALPHA2 = {
  '004': 'AF', '008': 'AL', '010': 'AQ', '012': 'DZ', '016': 'AS', '020': 'AD', '024': 'AO', '028': 'AG',
  '031': 'AZ', '032': 'AR', '036': 'AU', '040': 'AT', '044': 'BS', '048': 'BH', '050': 'BD', '051': 'AM',
  '052': 'BB', '056': 'BE', '060': 'BM', '064': 'BT', '068': 'BO', '070': 'BA', '072': 'BW', '076': 'BR',
  '084': 'BZ', '086': 'IO', '090': 'SB', '092': 'VG', '096': 'BN', '100': 'BG', '104': 'MM', '108': 'BI',
  '112': 'BY', '116': 'KH', '120': 'CM', '124': 'CA', '132': 'CV', '136': 'KY', '140': 'CF', '144': 'LK',
  '148': 'TD', '152': 'CL', '156': 'CN', '158': 'TW', '170': 'CO', '174': 'KM', '178': 'CG', '180': 'CD',
  '184': 'CK', '188': 'CR', '191': 'HR', '192': 'CU', '196': 'CY', '203': 'CZ', '204': 'BJ', '208': 'DK',
  '212': 'DM', '214': 'DO', '218': 'EC', '222': 'SV', '226': 'GQ', '231': 'ET', '232': 'ER', '233': 'EE',
  '234': 'FO', '238': 'FK', '239': 'GS', '242': 'FJ', '246': 'FI', '248': 'AX', '250': 'FR', '258': 'PF',
  '260': 'TF', '262': 'DJ', '266': 'GA', '268': 'GE', '270': 'GM', '275': 'PS', '276': 'DE', '288': 'GH',
  '296': 'KI', '300': 'GR', '304': 'GL', '308': 'GD', '316': 'GU', '320': 'GT', '324': 'GN', '328': 'GY',
  '332': 'HT', '334': 'HM', '336': 'VA', '340': 'HN', '344': 'HK', '348': 'HU', '352': 'IS', '356': 'IN',
  '360': 'ID', '364': 'IR', '368': 'IQ', '372': 'IE', '376': 'IL', '380': 'IT', '384': 'CI', '388': 'JM',
  '392': 'JP', '398': 'KZ', '400': 'JO', '404': 'KE', '408': 'KP', '410': 'KR', '414': 'KW', '417': 'KG',
  '418': 'LA', '422': 'LB', '426': 'LS', '428': 'LV', '430': 'LR', '434': 'LY', '438': 'LI', '440': 'LT',
  '442': 'LU', '446': 'MO', '450': 'MG', '454': 'MW', '458': 'MY', '462': 'MV', '466': 'ML', '470': 'MT',
  '478': 'MR', '480': 'MU', '484': 'MX', '492': 'MC', '496': 'MN', '498': 'MD', '499': 'ME', '500': 'MS',
  '504': 'MA', '508': 'MZ', '512': 'OM', '516': 'NA', '520': 'NR', '524': 'NP', '528': 'NL', '531': 'CW',
  '533': 'AW', '534': 'SX', '540': 'NC', '548': 'VU', '554': 'NZ', '558': 'NI', '562': 'NE', '566': 'NG',
  '570': 'NU', '574': 'NF', '578': 'NO', '580': 'MP', '583': 'FM', '584': 'MH', '585': 'PW', '586': 'PK',
  '591': 'PA', '598': 'PG', '600': 'PY', '604': 'PE', '608': 'PH', '612': 'PN', '616': 'PL', '620': 'PT',
  '624': 'GW', '626': 'TL', '630': 'PR', '634': 'QA', '642': 'RO', '643': 'RU', '646': 'RW', '652': 'BL',
  '654': 'SH', '659': 'KN', '660': 'AI', '662': 'LC', '663': 'MF', '666': 'PM', '670': 'VC', '674': 'SM',
  '678': 'ST', '682': 'SA', '686': 'SN', '688': 'RS', '690': 'SC', '694': 'SL', '702': 'SG', '703': 'SK',
  '704': 'VN', '705': 'SI', '706': 'SO', '710': 'ZA', '716': 'ZW', '724': 'ES', '728': 'SS', '729': 'SD',
  '732': 'EH', '740': 'SR', '748': 'SZ', '752': 'SE', '756': 'CH', '760': 'SY', '762': 'TJ', '764': 'TH',
  '768': 'TG', '776': 'TO', '780': 'TT', '784': 'AE', '788': 'TN', '792': 'TR', '795': 'TM', '796': 'TC',
  '800': 'UG', '804': 'UA', '807': 'MK', '818': 'EG', '826': 'GB', '831': 'GG', '832': 'JE', '833': 'IM',
  '834': 'TZ', '840': 'US', '850': 'VI', '854': 'BF', '858': 'UY', '860': 'UZ', '862': 'VE', '876': 'WF',
  '882': 'WS', '887': 'YE', '894': 'ZM',
};
// Natural Earth's areas without a numeric id: Kosovo by the code the EU and
// others use, northern Cyprus and Somaliland within the country ISO counts
// them in (merged, without an inner border).
const NAMED = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
// Areas drawn but in no country (listed under "disputed", by name).
const DISPUTED = new Set(['Siachen Glacier']);
// "Indian Ocean Ter." (Christmas and Cocos Islands) is left out: two ISO
// codes in one shape, and too small to see here.

const WIDTH = 1000;
const MIN_TRIANGLE = 0.5; // px²: Visvalingam's threshold, in viewBox units
const MIN_RING = 3; // px²: smaller islands (and enclaves) are left out
const PAD = 8; // px around the box that must show

// The main map: the box that must show (western Turkey, Hokkaido, the
// Pacific east of Japan for the inset, Malaysia's south, the north of
// Kazakhstan) fitted to the width; the height follows.
const main = geoConicEqualArea().parallels([25, 47]).rotate([-88, 0]).center([0, 35]).precision(0);
const box = { type: 'MultiPoint', coordinates: [[25.5, 36], [25.5, 42], [146, 45.5], [156, 28], [100, 0.8], [119, 4], [70, 56], [100, 56], [40, 50]] };
main.fitWidth(WIDTH - 2 * PAD, box);
const [[bx0, by0], [, by1]] = geoPath(main).bounds(box);
main.translate([main.translate()[0] - bx0 + PAD, main.translate()[1] - by0 + PAD]);
const HEIGHT = Math.ceil(by1 - by0 + 2 * PAD);
main.clipExtent([[0, 0], [WIDTH, HEIGHT]]);

// The inset: the conterminous United States (Albers, as the USGS draws it)
// with what of its neighbours falls in the frame, in the main map's units.
const INSET = { x: WIDTH - 170, y: HEIGHT - 110, width: 170, height: 110 };
const lower48 = { type: 'MultiPoint', coordinates: [[-124.7, 48.4], [-124.2, 40], [-117.1, 32.5], [-97.2, 25.9], [-80.1, 25.1], [-67, 44.8], [-95, 49]] };
const inset = geoConicEqualArea().parallels([29.5, 45.5]).rotate([96, 0]).center([0, 38]).precision(0)
  .fitExtent([[INSET.x + PAD, INSET.y + PAD], [INSET.x + INSET.width - PAD, INSET.y + INSET.height - PAD]], lower48)
  .clipExtent([[INSET.x, INSET.y], [INSET.x + INSET.width, INSET.y + INSET.height]]);

/** Every country (and disputed area) that shows through `projection`, as
 * `{ code, d }` sorted by code (`{ name, d }` in `disputed`); rings wholly
 * under the rectangle `covered` (the inset) are left out. */
function draw(projection, minTriangle, covered) {
  // The area of the triangle a point makes with its neighbours, on screen.
  const weight = (t) => {
    const [a, b, c] = t.map((p) => projection(p) ?? [NaN, NaN]);
    const w = Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
    return Number.isFinite(w) ? w : 0;
  };
  const topology = simplify(presimplify(atlas, weight), minTriangle);
  const groups = new Map();
  for (const geometry of topology.objects.countries.geometries) {
    const name = geometry.properties.name;
    const key = DISPUTED.has(name) ? `disputed:${name}` : geometry.id !== undefined ? ALPHA2[geometry.id] : NAMED[name];
    if (key === undefined) continue;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(geometry);
  }
  const countries = [];
  const disputed = [];
  for (const key of [...groups.keys()].sort()) {
    const geometries = groups.get(key);
    const shape = geometries.length === 1 ? feature(topology, geometries[0]) : merge(topology, geometries);
    const rings = [];
    geoPath(projection, {
      moveTo(x, y) { rings.push([[x, y]]); },
      lineTo(x, y) { rings[rings.length - 1].push([x, y]); },
      closePath() {},
      arc() {},
    })(shape);
    const under = (ring) => covered && ring.every(([x, y]) => x >= covered.x && x <= covered.x + covered.width && y >= covered.y && y <= covered.y + covered.height);
    const d = path(rings.map(clean).filter((ring) => ring !== null && !under(ring)));
    if (d === '') continue;
    if (key.startsWith('disputed:')) disputed.push({ name: key.slice('disputed:'.length), d });
    else countries.push({ code: key, d });
  }
  return { countries, disputed };
}

/** A ring rounded to whole units, without repeated points, points on a
 * straight line between their neighbours, or closing point; null when too
 * small to see. */
function clean(ring) {
  let points = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x), Math.round(y)];
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  const same = (p, q) => p[0] === q[0] && p[1] === q[1];
  while (points.length > 1 && same(points[0], points[points.length - 1])) points.pop();
  for (let changed = true; changed && points.length >= 3; ) {
    changed = false;
    const kept = [];
    for (let i = 0; i < points.length; i++) {
      const a = kept.length ? kept[kept.length - 1] : points[points.length - 1];
      const [b, c] = [points[i], points[(i + 1) % points.length]];
      if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0) changed = true;
      else kept.push(b);
    }
    points = kept;
  }
  if (points.length < 3) return null;
  let twiceArea = 0;
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i], points[(i + 1) % points.length]];
    twiceArea += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twiceArea) / 2 < MIN_RING ? null : points;
}

/** Numbers as SVG writes them shortest: a space only before a positive one. */
function numbers(list) {
  let s = '';
  for (const n of list) s += s === '' || n < 0 ? String(n) : ` ${n}`;
  return s;
}

/** Rings as one path: `M x y l dx dy … z`, then `m dx dy dx dy … z` for each
 * further ring (after `z` the pen is back at the ring's start, and pairs after
 * `m` are relative line-tos). */
function path(rings) {
  let d = '';
  let [sx, sy] = [0, 0];
  for (const points of rings) {
    const [x, y] = points[0];
    const steps = [];
    for (let i = 1; i < points.length; i++) steps.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    d += d === '' ? `M${numbers([x, y])}l${numbers(steps)}z` : `m${numbers([x - sx, y - sy, ...steps])}z`;
    [sx, sy] = [x, y];
  }
  return d;
}

const world = draw(main, MIN_TRIANGLE, INSET);
const america = draw(inset, MIN_TRIANGLE);
const map = {
  version: 1,
  source: `Natural Earth via world-atlas ${atlasVersion}, public domain`,
  width: WIDTH,
  height: HEIGHT,
  countries: world.countries,
  ...(world.disputed.length ? { disputed: world.disputed } : {}),
  inset: { ...INSET, countries: america.countries },
};
const json = `${JSON.stringify(map)}\n`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
console.log(
  `map: ${out.startsWith(root) ? out.slice(root.length) : out}, ${map.countries.length} countries + ${map.inset.countries.length} in the inset, ` +
    `${(json.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`,
);
