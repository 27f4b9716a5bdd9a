/*
 * Search worker wrapper: Material's search worker, with queries rewritten before it sees them.
 *
 * 1. Across scripts: the index's words and the query are folded to Simplified characters
 *    (fold-map.js, made from OpenCC's tables at build time); each folded query word is replaced
 *    by the index's own word, so results show in the page's script and highlight as usual.
 * 2. Whole words: Material segments a Chinese query against the index's words but never tries
 *    the whole run, so 行政复议 became 行政 alone. The query is segmented here (longest index word
 *    first) and each word is followed by SENTINEL, a character Material's segmenter then drops,
 *    so it keeps the word whole.
 * Loaded as ...workers/fold.js?worker=<Material's worker URL>&map=<fold-map.js URL>.
 */
/* global lunr */
"use strict";
var SENTINEL = "〇";
var params = new URL(self.location.href).searchParams;
importScripts(params.get("map"));
var words = null; // folded index word -> index word
var longest = 1;

function fold(text) {
  var out = "";
  for (var i = 0; i < text.length; i++) out += self.FOLD_MAP[text[i]] || text[i];
  return out;
}

function segment(run) {
  var folded = fold(run);
  var out = [];
  var plain = "";
  for (var at = 0; at < folded.length; ) {
    var found = 0;
    for (var n = Math.min(longest, folded.length - at); n > 0 && !found; n--) {
      if (Object.prototype.hasOwnProperty.call(words, folded.slice(at, at + n))) found = n;
    }
    if (found) {
      if (plain) out.push(plain);
      plain = "";
      out.push(words[folded.slice(at, at + found)] + SENTINEL);
      at += found;
    } else {
      plain += run[at]; // not a word of the index: as typed
      at += 1;
    }
  }
  if (plain) out.push(plain);
  return out.join(" ");
}

function rewrite(query) {
  return query.replace(/\p{sc=Han}+/gu, segment);
}

// Registered before Material's own listener, so it runs first and rewrites the query in place.
addEventListener("message", function (event) {
  var message = event.data;
  if (words && message && message.type === 2 && typeof message.data === "string") {
    message.data = rewrite(message.data);
  }
});

importScripts(params.get("worker"));

// Material builds its lunr index once; note its words (folded) when it does.
var build = lunr.Builder.prototype.build;
lunr.Builder.prototype.build = function () {
  var index = build.call(this);
  words = Object.create(null);
  Object.keys(index.invertedIndex).forEach(function (word) {
    if (!/\p{sc=Han}/u.test(word)) return;
    var key = fold(word);
    if (!(key in words) || word === key) words[key] = word;
    longest = Math.max(longest, key.length);
  });
  return index;
};
