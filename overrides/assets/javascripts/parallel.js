/*
 * The parallel view: one control on a report's pages shows each unit's text in the other language
 * (English pages: the zh-Hans or zh-Hant original, the reader's choice; Chinese pages: the English)
 * beside it on a wide screen, under it on a phone (translation.css). The other text comes from the
 * same page of the other site: the language switch's own link; units pair by their ids. The choice
 * is remembered (localStorage). Present only where the other page exists (#parallel-data).
 */
(function () {
  "use strict";
  var data = document.getElementById("parallel-data");
  var article = document.querySelector(".md-content article.md-typeset, .md-content .md-typeset");
  if (!data || !article) return;
  var setup = JSON.parse(data.textContent);
  var words = JSON.parse(document.getElementById("reader-words").textContent);
  var KEY = setup.own === "en" ? "parallel-view-en" : "parallel-view-zh";
  var pages = {};

  function link(lang) {
    var a = document.querySelector("a.md-select__link[hreflang='" + lang + "']");
    return a ? a.href.split("#")[0] : null;
  }
  function load(lang) {
    if (!pages[lang]) {
      pages[lang] = fetch(link(lang)).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    }
    return pages[lang];
  }
  // The units of this page: headings, paragraphs and tables, direct children of the article.
  function keyOf(node) {
    if (/^H[1-6]$/.test(node.tagName) || (node.tagName === "P" && node.classList.contains("para"))) return node.id;
    var table = node.classList && node.classList.contains("table-wrap") && node.querySelector("table[id]");
    return table ? table.id : "";
  }
  function counterpart(doc, id, lang) {
    var found = doc.getElementById(id);
    if (!found || found.classList.contains("tr-untranslated")) return null;  // no English: nothing to add
    var node;
    if (/^H[1-6]$/.test(found.tagName)) {
      node = document.createElement("p");  // not a heading: the page keeps one outline
      node.className = "parallel-heading";
      node.innerHTML = found.innerHTML;
    } else {
      node = (found.closest(".table-wrap") || found).cloneNode(true);
      node.removeAttribute("tabindex");
    }
    node.querySelectorAll(".headerlink, .para-tools").forEach(function (n) { n.remove(); });
    node.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    node.querySelectorAll("a[href]").forEach(function (a) { a.href = new URL(a.getAttribute("href"), link(lang)).href; });
    node.removeAttribute("id");
    node.classList.add("parallel-text");
    if (!node.getAttribute("lang")) node.setAttribute("lang", lang);
    return node;
  }
  function clear() {
    article.querySelectorAll(".parallel-text").forEach(function (n) { n.remove(); });
    article.querySelectorAll(".has-parallel").forEach(function (n) { n.classList.remove("has-parallel"); });
    article.classList.remove("parallel-on");
  }
  function show(lang) {
    return load(lang).then(function (doc) {
      clear();
      Array.prototype.slice.call(article.children).forEach(function (node) {
        var id = keyOf(node);
        var other = id && !node.classList.contains("tr-untranslated") && counterpart(doc, id, lang);
        if (!other) return;
        node.classList.add("has-parallel");
        node.after(other);
      });
      article.classList.add("parallel-on");
    });
  }

  var choices = [""].concat(setup.others.filter(link));
  if (choices.length < 2) return;
  var group = document.createElement("div");
  group.className = "parallel-control";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", words.parallel);
  group.setAttribute("data-search-exclude", "");
  var label = document.createElement("span");
  label.textContent = words.parallel;
  group.appendChild(label);
  var buttons = choices.map(function (lang) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = lang ? document.querySelector("a.md-select__link[hreflang='" + lang + "']").textContent.trim() : words.parallel_off;
    if (lang) button.lang = lang;
    button.addEventListener("click", function () { choose(lang, true); });
    group.appendChild(button);
    return button;
  });
  function choose(lang, remember) {
    buttons.forEach(function (b, i) { b.setAttribute("aria-pressed", String(choices[i] === lang)); });
    if (remember) {
      try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode: this page only */ }
    }
    if (!lang) return clear();
    show(lang).catch(function () { choose("", false); });
  }
  article.insertBefore(group, article.firstElementChild);
  var saved = "";
  try { saved = localStorage.getItem(KEY) || ""; } catch (e) { /* none */ }
  choose(choices.indexOf(saved) > 0 ? saved : "", false);
})();
