/* Glossary tooltips for term links (a.term) in report paragraphs.
 * Mouse: hovering shows the tooltip, a click follows the link to the glossary entry.
 * Touch: the first tap shows the tooltip, a second tap (or its link) opens the entry.
 * Keyboard: focusing a term shows it, Escape hides it, Enter follows the link.
 * Without JavaScript a term is a plain link to its glossary entry. */
(function () {
  "use strict";
  var tip = null;
  var current = null;
  var lastInput = "keyboard";
  var hideTimer = 0;

  function moreLabel() {
    return (document.documentElement.lang || "").indexOf("Hant") >= 0 ? "查看詞條" : "查看词条";
  }

  function part(tag, cls, text) {
    var node = document.createElement(tag);
    node.className = cls;
    node.textContent = text || "";
    return node;
  }

  function build() {
    tip = part("div", "term-tip");
    tip.id = "term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") later(); });
    document.body.appendChild(tip);
  }

  function show(link) {
    if (!tip) build();
    clearTimeout(hideTimer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    tip.textContent = "";
    var english = part("span", "term-tip__en", link.dataset.en);
    english.lang = "en";
    var more = part("a", "term-tip__more", moreLabel() + " →");
    more.href = link.href;
    tip.append(part("strong", "term-tip__term", link.dataset.term), english,
               part("span", "term-tip__gloss", link.dataset.gloss), more);
    tip.hidden = false;
    current = link;
    link.setAttribute("aria-describedby", "term-tip");
    place(link);
  }

  function hide() {
    if (!tip || tip.hidden) return;
    tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var room = document.documentElement.clientWidth;
    var left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), room - width - 8);
    var top = box.bottom + 6;
    if (top + height > window.innerHeight && box.top - height - 6 > 0) top = box.top - height - 6;
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function termOf(target) {
    return target && target.closest ? target.closest("a.term") : null;
  }

  document.addEventListener("pointerdown", function (e) { lastInput = e.pointerType || "mouse"; }, true);
  document.addEventListener("keydown", function (e) {
    lastInput = "keyboard";
    if (e.key === "Escape") hide();
  });
  document.addEventListener("pointerover", function (e) {
    var link = termOf(e.target);
    if (link && e.pointerType === "mouse") show(link);
  });
  document.addEventListener("pointerout", function (e) {
    if (e.pointerType === "mouse" && termOf(e.target) && !termOf(e.relatedTarget)) later();
  });
  document.addEventListener("focusin", function (e) {
    var link = termOf(e.target);
    if (link && lastInput === "keyboard") show(link);
  });
  document.addEventListener("focusout", function (e) {
    if (termOf(e.target) && !(tip && tip.contains(e.relatedTarget))) later();
  });
  document.addEventListener("click", function (e) {
    var link = termOf(e.target);
    if (link) {
      // A first tap on a touch screen shows the tooltip; tapping the same term again follows it.
      if (lastInput !== "mouse" && lastInput !== "keyboard" && current !== link) {
        e.preventDefault();
        show(link);
      }
      return;
    }
    if (tip && !tip.contains(e.target)) hide();
  });
  // Phones resize the viewport when their address bar slides away: follow the term, do not hide.
  window.addEventListener("resize", function () { if (current && tip && !tip.hidden) place(current); });
})();
