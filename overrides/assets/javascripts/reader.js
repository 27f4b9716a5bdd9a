/*
 * The reader's tools, all optional extras over plain pages:
 * - a font-size button in the header, remembered across pages (localStorage);
 * - the language switch carries the #paragraph over to the other variant;
 * - each paragraph gets a permalink (copies its address) and a cite button (GB/T 7714 and APA).
 * Words come from build_tools/data/ui.yml (`reader`), the citation facts from the page (#cite-data).
 */
(function () {
  "use strict";
  var words = JSON.parse(document.getElementById("reader-words").textContent);
  var citeData = document.getElementById("cite-data");
  var facts = citeData ? JSON.parse(citeData.textContent) : null;
  var SIZES = ["", "l", "xl"];
  var KEY = "reader-font-size";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var status = el("div", "reader-status");
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function announce(message) {
    status.textContent = message;
    status.classList.add("reader-status--on");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { status.classList.remove("reader-status--on"); }, 2000);
  }

  function copy(text) {
    var done = function () { announce(words.copied); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }
  function fallbackCopy(text) {
    var area = el("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  /* Font size */
  function fontSizeButton() {
    var anchor = document.querySelector(".md-header__inner .md-header__option, .md-header__inner label[for='__search']");
    if (!anchor) return;
    var button = el("button", "md-header__button reader-font-size");
    button.type = "button";
    var current = function () { return Math.max(0, SIZES.indexOf(document.documentElement.dataset.fontSize || "")); };
    var label = function () {
      var name = words.font_size + (words.font_size_sep || "：") + words.font_sizes[current()];
      button.textContent = words.font_size;
      button.setAttribute("aria-label", name);
      button.title = name;
    };
    button.addEventListener("click", function () {
      var size = SIZES[(current() + 1) % SIZES.length];
      if (size) document.documentElement.dataset.fontSize = size;
      else delete document.documentElement.dataset.fontSize;
      try { localStorage.setItem(KEY, size); } catch (e) { /* private mode: this page only */ }
      label();
      announce(button.title);
    });
    label();
    anchor.parentNode.insertBefore(button, anchor);
  }

  /* Language switch: the same page, and the same paragraph */
  function carryHash() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      a.href = a.href.split("#")[0] + location.hash;
    });
  }
  // The paragraph being read when no #paragraph is in the address: the first one that reaches
  // below the reading line (a little under the header), once the reader has scrolled.
  function paragraphInView() {
    if (window.scrollY < 1) return "";
    var header = document.querySelector(".md-header");
    var line = (header ? header.getBoundingClientRect().bottom : 0) + 40;
    var paras = document.querySelectorAll(".md-content p.para[id]");
    for (var i = 0; i < paras.length; i++) {
      if (paras[i].getBoundingClientRect().bottom > line) return "#" + paras[i].id;
    }
    return "";
  }
  // Material would redirect these clicks through its sitemap lookup, which expects the head's
  // alternate links to be site roots and drops the #paragraph; the links are right as they are.
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.stopPropagation();
      if (!location.hash) a.href = a.href.split("#")[0] + paragraphInView();
    });
  });

  /* Citations */
  function isoToday() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function permalink(id) {
    var canonical = document.querySelector("link[rel='canonical']");
    return (canonical ? canonical.href : location.href).split("#")[0] + "#" + id;
  }
  function citations(p) {
    var match = /^(.*)-p(\d+)$/.exec(p.id);
    var section = match && facts.sections[match[1]] ? facts.sections[match[1]] : "";
    var para = words.paragraph.replace("{n}", match ? match[2] : "");
    var url = permalink(p.id);
    var date = facts.date;
    var d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (facts.original) return englishCitations(section ? section + ", " + para : para, url, d);
    var where = section ? section + "，" + para : para;
    var apaDate = d ? d[1] + "年" + Number(d[2]) + "月" + Number(d[3]) + "日" : date;
    return [
      ["GB/T 7714", facts.publisher + ". " + facts.report + ": " + where + "[R/OL]. (" + date + ")[" + isoToday() + "]. " + url + "."],
      ["APA", facts.publisher + ". (" + apaDate + "). " + facts.report + "（" + where + "）. " + url],
    ];
  }
  // English pages: APA for this translation (naming the original), and for the Chinese original
  // (its title, then the English title in brackets, as APA cites a work in another language).
  function englishCitations(where, url, d) {
    var apaDate = d ? d[1] + ", " + words.months[Number(d[2]) - 1] + " " + Number(d[3]) : facts.date;
    var original = document.querySelector("link[rel='alternate'][hreflang='zh-Hans']");
    var originalUrl = (original ? original.href : url).split("#")[0] + "#" + url.split("#")[1];
    var by = words.translation.replace("{original}", facts.original);
    return [
      [words.apa_translation, facts.publisher + ". (" + apaDate + "). " + facts.report + " (" + where + ") (" + by + "). " + url],
      [words.apa_original, facts.publisher + ". (" + apaDate + "). " + facts.original + " [" + facts.report + "] (" + where + "). " + originalUrl],
    ];
  }
  function citeBox(p) {
    var box = el("div", "cite-box");
    box.id = "cite-" + p.id;
    box.lang = document.documentElement.lang;
    box.setAttribute("data-search-exclude", "");
    citations(p).forEach(function (pair) {
      var row = el("p", "cite-row");
      row.appendChild(el("span", "cite-style", pair[0]));
      var text = el("span", "cite-text", pair[1]);
      row.appendChild(text);
      var button = el("button", "cite-copy", words.copy);
      button.type = "button";
      button.setAttribute("aria-label", words.copy + " " + pair[0]);
      button.addEventListener("click", function () { copy(pair[1]); });
      row.appendChild(button);
      box.appendChild(row);
    });
    return box;
  }
  function paragraphTools(p) {
    var tools = el("span", "para-tools");
    var link = el("a", "para-link", "¶");
    link.href = "#" + p.id;
    link.title = words.link;
    link.setAttribute("aria-label", words.link);
    link.addEventListener("click", function () { copy(permalink(p.id)); });
    tools.appendChild(link);
    if (facts) {
      var cite = el("button", "para-cite", "引");
      cite.type = "button";
      cite.title = words.cite;
      cite.setAttribute("aria-label", words.cite);
      cite.setAttribute("aria-expanded", "false");
      cite.setAttribute("aria-controls", "cite-" + p.id);
      cite.addEventListener("click", function () {
        var box = document.getElementById("cite-" + p.id);
        if (box) {
          box.remove();
          cite.setAttribute("aria-expanded", "false");
        } else {
          var beside = p.nextElementSibling;  // the parallel view's text stays beside its paragraph
          (beside && beside.classList.contains("parallel-text") ? beside : p).after(citeBox(p));
          cite.setAttribute("aria-expanded", "true");
        }
      });
      tools.appendChild(cite);
    }
    p.appendChild(tools);
  }

  /* Material's search dialog has no name; give it the search field's own. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  nameSearchDialog();
  fontSizeButton();
  carryHash();
  window.addEventListener("hashchange", carryHash);
  document.querySelectorAll(".md-content p.para[id]").forEach(paragraphTools);
})();
