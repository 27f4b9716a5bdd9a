/*
 * The site's search worker: speaks Material's search worker protocol (SETUP -> READY,
 * QUERY -> RESULT) but answers from the chunked index (build_tools/searchindex.py, whose query()
 * is this file in Python: keep the two in step).
 *
 * A query is folded to Simplified characters (fold-map.js) and cut into parts (Han runs,
 * Latin/digit words); the postings of the parts' character pairs come from the few shard files
 * their keys hash to; the candidate units' texts from at most MAX_CHUNKS chunk files. A unit must
 * contain every part; results show its own script, escaped, with <mark> around the matches.
 * Loaded as ...workers/search.js?index=<URL of search/index/>&map=<fold-map.js URL>.
 */
"use strict";
var params = new URL(self.location.href).searchParams;
importScripts(params.get("map"));
var BASE = params.get("index");
var MAX_CHUNKS = 5, MAX_PAGES = 50, TITLE_WEIGHT = 10, EXCERPT_BEFORE = 30, EXCERPT_LENGTH = 160;
var HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\\u{20000}-\\u{3134f}";
var TOKEN = new RegExp("[" + HAN + "]+|[a-z0-9]+", "gu");
var HAN_RUN = new RegExp("^[" + HAN + "]+$", "u");
var files = new Map(); // path -> Promise of parsed JSON
var manifest = null;
var latest = 0;

function load(path) {
  if (!files.has(path)) {
    var url = BASE + path + (manifest ? "?v=" + manifest.version : "");
    files.set(path, fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    }).catch(function (err) { files.delete(path); throw err; }));
  }
  return files.get(path);
}

function fold(text) {
  var out = "";
  for (var c of text) out += self.FOLD_MAP[c] || c;
  return out.replace(/[A-Z]/g, function (c) { return c.toLowerCase(); }); // toLowerCase() may add characters
}

function parts(folded) {
  return Array.from(new Set(folded.match(TOKEN) || []));
}

function partKeys(part) {
  var chars = Array.from(part);
  if (!HAN_RUN.test(part)) return [chars.slice(0, 3).join("")];
  if (chars.length === 1) return [part];
  var starts = [];
  for (var i = 0; i < chars.length - 1; i += 2) starts.push(i);
  if (starts[starts.length - 1] !== chars.length - 2) starts.push(chars.length - 2);
  return starts.map(function (i) { return chars[i] + chars[i + 1]; });
}

function fnv1a(key) {
  var h = 0x811c9dc5;
  for (var byte of new TextEncoder().encode(key)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

function ids(deltas) {
  var out = new Set(), at = 0;
  for (var d of deltas || []) out.add(at += d);
  return out;
}

function intersect(sets) {
  return sets.reduce(function (a, b) { return new Set(Array.from(a).filter(function (x) { return b.has(x); })); });
}

function chunkOf(number, starts) {
  var low = 0, high = starts.length - 1;
  while (low < high) {
    var mid = (low + high + 1) >> 1;
    if (starts[mid] <= number) low = mid; else high = mid - 1;
  }
  return low;
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function spans(folded, ps) {
  var out = [];
  ps.forEach(function (p) {
    for (var at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + p.length)) out.push([at, at + p.length]);
  });
  return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
}

function marked(text, sp, start, end) {
  var out = "", at = start;
  sp.forEach(function (s) {
    var a = Math.max(s[0], at), b = Math.min(s[1], end);
    if (a >= b) return;
    out += escapeHtml(text.slice(at, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
    at = b;
  });
  return out + escapeHtml(text.slice(at, end));
}

// Python slices by code point, JS by UTF-16 unit: the folded text is the same length in both
// units as its source (one character for one), so spans found in it apply to the source.
function hit(row, ps) {
  var title = row[1], text = row[2], boost = row.length > 3 ? row[3] : 1;
  var folded = fold(title + " " + text);
  if (!ps.every(function (p) { return folded.indexOf(p) >= 0; })) return null;
  var inTitle = spans(fold(title), ps), inText = spans(fold(text), ps);
  var start = inText.length ? Math.max(0, inText[0][0] - EXCERPT_BEFORE) : 0;
  var end = Math.min(text.length, start + EXCERPT_LENGTH);
  var excerpt = (start ? "…" : "") + marked(text, inText, start, end) + (end < text.length ? "…" : "");
  var terms = {};
  inTitle.forEach(function (s) { terms[title.slice(s[0], s[1])] = true; });
  inText.forEach(function (s) { terms[text.slice(s[0], s[1])] = true; });
  return {
    location: row[0],
    title: marked(title, inTitle, 0, title.length),
    text: text ? "<p>" + excerpt + "</p>" : "",
    score: (TITLE_WEIGHT * inTitle.length + inText.length) * boost,
    terms: terms
  };
}

function page(location) { return location.split("#")[0]; }

function reportKey(location) { return location.split("/")[0] + "/"; }

// The page's result with its report under the title (searchindex._labelled): the report's title
// and "publisher · year", only these on the report's own index page.
function labelled(h, title, reports) {
  var entry = reports.get(reportKey(h.location));
  if (!entry) return h;
  var label = title === entry[0] ? entry[1] : entry.filter(function (x) { return x; }).join(" · ");
  if (!label) return h;
  return Object.assign({}, h, { title: h.title + '<span class="search-report">' + escapeHtml(label) + "</span>" });
}

async function search(query) {
  var ps = parts(fold(query));
  if (!ps.length) return { items: [] };
  manifest = manifest || await load("manifest.json");
  var wanted = Array.from(new Set([].concat.apply([], ps.map(partKeys))));
  var titleKeys = wanted.map(function (k) { return "#" + k; });
  var shardOf = function (k) { return fnv1a(k.replace(/^#/, "")) % manifest.shards; }; // "#k" beside k
  var shards = {};
  await Promise.all(wanted.concat(titleKeys).map(async function (k) {
    shards[shardOf(k)] = await load("shard-" + shardOf(k) + ".json");
  }));
  var post = function (k) { return ids(shards[shardOf(k)][k]); };
  var candidates = intersect(wanted.map(post)), inTitle = intersect(titleKeys.map(post));
  var perChunk = new Map();
  candidates.forEach(function (n) {
    var c = chunkOf(n, manifest.chunks);
    perChunk.set(c, (perChunk.get(c) || []).concat([n]));
  });
  var titled = function (c) { return perChunk.get(c).filter(function (n) { return inTitle.has(n); }).length; };
  var chosen = Array.from(perChunk.keys()).sort(function (a, b) {
    return titled(b) - titled(a) || perChunk.get(b).length - perChunk.get(a).length || a - b;
  }).slice(0, MAX_CHUNKS).sort(function (a, b) { return a - b; });
  var rows = await Promise.all(chosen.map(function (c) { return load("chunk-" + c + ".json"); }));
  var groups = new Map(), best = new Map(), titles = new Map(), reports = new Map();
  chosen.forEach(function (c, i) {
    rows[i].rows.forEach(function (row, offset) {
      var number = manifest.chunks[c] + offset;
      if (!titles.has(row[0])) titles.set(row[0], row[1]);
      var h = candidates.has(number) ? hit(row, ps) : null;
      if (!h) return;
      var p = page(h.location), b = best.get(p);
      if (!groups.has(p)) groups.set(p, []);
      groups.get(p).push(h);
      if (!b || h.score > b[0]) best.set(p, [h.score, number]);
    });
    if (rows[i].page && !titles.has(rows[i].page[0])) titles.set(rows[i].page[0], rows[i].page[1]);
    Object.entries(rows[i].reports || {}).forEach(function (e) { reports.set(e[0], e[1]); });
  });
  groups.forEach(function (items, p) { // every group shows its page, as Material's list expects
    if (!items.some(function (h) { return h.location === p; }))
      items.push({ location: p, title: escapeHtml(titles.get(p) || p), text: "", score: 0, terms: {} });
    items.forEach(function (h, k) {
      if (h.location === p) items[k] = labelled(h, titles.get(p) || "", reports);
    });
  });
  var order = Array.from(groups.keys()).sort(function (a, b) {
    return best.get(b)[0] - best.get(a)[0] || best.get(a)[1] - best.get(b)[1];
  }).slice(0, MAX_PAGES);
  return {
    items: order.map(function (p) {
      return groups.get(p).sort(function (a, b) { return b.score - a.score; });
    })
  };
}

addEventListener("message", async function (event) {
  var message = event.data;
  if (message.type === 0) { // SETUP: Material's index is empty; ours is fetched by the first query
    postMessage({ type: 1 });
  } else if (message.type === 2) { // QUERY: answer only the latest one
    var mine = ++latest, data;
    try {
      data = await search(String(message.data));
    } catch (err) {
      console.warn("search failed:", err);
      data = { items: [] };
    }
    if (mine === latest) postMessage({ type: 3, data: data });
  }
});
