// Search page: runs the Pagefind search API from the site's own pagefind/ bundle.
// Everything from the index is written with textContent; only <mark> is recreated.
(function () {
  "use strict";

  var FILTERS = [["type", "Type"], ["source", "Source"], ["briefing", "Briefing"], ["tag", "Tag"], ["year", "Year"]];
  var PAGE_SIZE = 30;
  var root = document.getElementById("search");
  if (!root) return;
  var input = document.getElementById("search-q");
  var sortSelect = document.getElementById("search-sort");
  var status = document.getElementById("search-status");
  var filterBox = document.getElementById("search-filters");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var searchId = 0;
  var timer = null;

  if (location.protocol === "file:") {
    status.textContent = "Search cannot run on a page opened from a file (file://). " +
      "Serve the site instead: run `python build.py serve` and open the address it prints.";
    root.classList.add("search-unavailable");
    return;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    sortSelect.value = params.get("sort") === "newest" ? "newest" : "relevance";
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    if (sortSelect.value === "newest") params.set("sort", "newest");
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url === location.pathname + location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function selectedFilters() {
    var chosen = {};
    filterBox.querySelectorAll("input:checked").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      (chosen[name] = chosen[name] || { any: [] }).any.push(box.value);
    });
    return chosen;
  }

  function renderFilters(available) {
    FILTERS.forEach(function (pair) {
      var values = available[pair[0]];
      if (!values || !Object.keys(values).length) return;
      var set = document.createElement("fieldset");
      set.className = "search-filter";
      set.setAttribute("data-filter", pair[0]);
      var legend = document.createElement("legend");
      legend.textContent = pair[1];
      set.appendChild(legend);
      Object.keys(values).sort().forEach(function (value) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.value = value;
        box.setAttribute("data-filter", pair[0]);
        box.addEventListener("change", function () { run(); });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " (" + values[value] + ")"));
        set.appendChild(label);
      });
      filterBox.appendChild(set);
    });
  }

  // Pagefind excerpts are escaped text with <mark> around matches: rebuild just that.
  function excerptNode(html) {
    var p = document.createElement("p");
    p.className = "excerpt";
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function resultNode(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "card search-result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = meta.title || data.url;
    heading.appendChild(link);
    var line = document.createElement("p");
    line.className = "meta";
    line.textContent = [meta.source || "Briefing", meta.date].filter(Boolean).join(" · ");
    item.appendChild(heading);
    item.appendChild(line);
    item.appendChild(excerptNode(data.excerpt || ""));
    return item;
  }

  async function run() {
    var id = ++searchId;
    if (!(await ready)) return;
    var term = input.value.trim();
    if (!term) {
      list.replaceChildren();
      status.textContent = "Type a word to search the archive.";
      return;
    }
    var options = { filters: selectedFilters() };
    if (sortSelect.value === "newest") options.sort = { date: "desc" };
    var found = await pagefind.search(term, options);
    if (id !== searchId || !found) return;
    var data = await Promise.all(found.results.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }));
    if (id !== searchId) return;
    list.replaceChildren.apply(list, data.map(resultNode));
    var count = found.results.length;
    status.textContent = count === 0
      ? "No results for “" + term + "”. Try another word, or clear the filters."
      : count + (count === 1 ? " result" : " results") + " for “" + term + "”" +
        (count > PAGE_SIZE ? " (showing the first " + PAGE_SIZE + ")" : "") + ".";
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () { writeUrl(false); run(); }, 150);
  }

  async function mergeOtherLanguages(bundle, current) {
    var entry = await (await fetch(bundle + "pagefind-entry.json")).json();
    var others = Object.keys(entry.languages || {}).filter(function (lang) { return lang !== current; });
    for (var i = 0; i < others.length; i++) {
      await pagefind.mergeIndex(new URL(bundle, location.href).href, { language: others[i], baseUrl: root.dataset.baseUrl });
    }
  }

  async function load() {
    var bundle = root.dataset.bundlePath;
    pagefind = await import(bundle + "pagefind.js");
    await pagefind.options({ baseUrl: root.dataset.baseUrl, bundlePath: bundle });
    await pagefind.init();
    await mergeOtherLanguages(bundle, document.documentElement.lang);
    renderFilters(await pagefind.filters());
  }

  // Read ?q= and listen at once, so nothing typed while the index loads is lost.
  readUrl();
  input.addEventListener("input", schedule);
  sortSelect.addEventListener("change", function () { writeUrl(true); run(); });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    writeUrl(true);
    run();
  });
  window.addEventListener("popstate", function () { readUrl(); run(); });
  var ready = load().then(function () { return true; }, function (error) {
    status.textContent = "Search could not load its index (" + error + ").";
    return false;
  });
  run();
})();
