/* The home page's instant filter (build_tools/library.py writes the form, hidden, and
   library/library.json). Without JavaScript the form stays hidden and the year, kind and
   publisher pages do the same work. Report text reaches the page as text, never as HTML. */
(function () {
  var form = document.querySelector("form.library-filter");
  if (!form) return;
  var words = JSON.parse(form.dataset.words);
  var status = form.querySelector(".library-filter-status");
  var list = form.querySelector(".library-results");
  var base = new URL(form.dataset.src, location.href);
  var root = new URL("../", base); // the variant's site root: the reports' URLs start there
  var reports = null;
  var SHOWN = 100;
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  function load() {
    if (reports) return Promise.resolve(reports);
    return fetch(base.href)
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        reports = data.reports;
        return reports;
      });
  }

  function render() {
    var want = {
      year: form.elements.year.value,
      kind: form.elements.kind.value,
      publisher: form.elements.publisher.value,
      text: form.elements.text.value.trim(),
    };
    if (!want.year && !want.kind && !want.publisher && !want.text) {
      status.textContent = "";
      list.replaceChildren();
      return;
    }
    load().then(function (rows) {
      var found = rows.filter(function (r) {
        return (
          (!want.year || r[2] === want.year) &&
          (!want.kind || r[3] === want.kind) &&
          (!want.publisher || r[4] === want.publisher) &&
          (!want.text || r[0].indexOf(want.text) >= 0)
        );
      });
      var message = words.count.replace("{n}", found.length);
      if (found.length > SHOWN) message += " " + words.more.replace("{n}", SHOWN);
      status.textContent = message;
      list.replaceChildren.apply(
        list,
        found.slice(0, SHOWN).map(function (r) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = new URL(r[1], root).href;
          link.textContent = r[0];
          var facts = document.createElement("span");
          facts.className = "library-facts";
          facts.textContent = r[5];
          item.append(link, facts);
          return item;
        })
      );
    });
  }

  form.addEventListener("input", render);
  form.addEventListener("change", render);
})();
