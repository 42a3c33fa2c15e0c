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
      Object.keys(values).sort(byName).forEach(function (value) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.value = value;
        box.setAttribute("data-filter", pair[0]);
        box.addEventListener("change", function () { run(); });
        var count = document.createElement("span");
        count.className = "filter-count";
        count.textContent = "(" + values[value] + ")";
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " "));
        label.appendChild(count);
        set.appendChild(label);
      });
      filterBox.appendChild(set);
    });
  }

  // Case does not order names: "apple", "Budget", "trade".
  function byName(a, b) {
    return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
  }

  // Each filter value's count among the results of the current search and the other filters.
  function updateCounts(counts) {
    filterBox.querySelectorAll("input[data-filter]").forEach(function (box) {
      var values = counts[box.getAttribute("data-filter")] || {};
      box.parentNode.querySelector(".filter-count").textContent = "(" + (values[box.value] || 0) + ")";
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
      updateCounts(totals);
      status.textContent = "Type a word to search the archive.";
      return;
    }
    var options = { filters: selectedFilters() };
    var byDate = sortSelect.value === "newest";
    if (byDate) options.sort = { date: "desc" };
    var index = await openIndex(byDate);
    if (id !== searchId) return;
    var found = await index.search(term, options);
    if (id !== searchId || !found) return;
    var ordered = byDate ? await newestFirst(index, found.results) : found.results;
    if (id !== searchId) return;
    var data = await Promise.all(ordered.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }));
    if (id !== searchId) return;
    list.replaceChildren.apply(list, data.map(resultNode));
    if (found.filters) updateCounts(found.filters);
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

  // The index is in shards, newest first: pagefind/ (with Pagefind's code) and those listed in
  // pagefind/shards.json. Every shard, in every language it holds, is merged into one search.
  //
  // Pagefind orders merged results by score. A date-sorted search scores each shard's matches by
  // position (0 for its oldest match, up to its count - 1 < BAND), so "newest first" has an
  // instance of its own where shard i (0 = newest) weighs BAND^(middle - i): every score above 0
  // then says its shard (the power of BAND) and its place in it. A shard's oldest match scores 0
  // in any weight; its sortdate and the shards' date ranges put it back at the end of its shard.
  var BAND = 4096;
  var indexes = {};
  var listing = null;

  function openIndex(byDate) {
    var key = byDate ? "newest" : "relevance";
    if (!indexes[key]) indexes[key] = loadIndex(byDate);
    return indexes[key];
  }

  async function loadIndex(byDate) {
    var bundle = new URL(root.dataset.bundlePath, location.href).href;
    listing = listing || (await (await fetch(bundle + "shards.json")).json());
    var shards = [bundle].concat(listing.shards.map(function (path) { return new URL(path, bundle).href; }));
    var middle = Math.floor(shards.length / 2);
    var weight = function (i) { return byDate ? Math.pow(BAND, middle - i) : 1; };
    // A second import of the module (another URL) is a second, independent Pagefind.
    var index = await import(bundle + "pagefind.js" + (byDate ? "?newest-first" : ""));
    await index.options({ baseUrl: root.dataset.baseUrl, indexWeight: weight(0) });
    await index.init();
    var own = document.documentElement.lang;
    await Promise.all(shards.map(async function (shard, i) {
      var entry = await (await fetch(shard + "pagefind-entry.json")).json();
      var languages = Object.keys(entry.languages || {}).filter(function (lang) { return i > 0 || lang !== own; });
      for (var j = 0; j < languages.length; j++) {
        await index.mergeIndex(shard, { language: languages[j], baseUrl: root.dataset.baseUrl, indexWeight: weight(i) });
      }
    }));
    return {
      search: index.search,
      filters: index.filters,
      shardOf: function (score) { return middle - Math.floor(Math.log(score) / Math.log(BAND) + 1e-9); },  // 0: newest
    };
  }

  // Put each shard's oldest match (score 0) at the end of its own shard; everything else is in order.
  async function newestFirst(index, results) {
    var zeros = results.filter(function (r) { return r.score === 0; });
    if (!zeros.length) return results;
    var dated = await Promise.all(zeros.map(async function (r) {
      var date = ((await r.data()).meta || {}).sortdate || "";
      var shard = listing.dates.findIndex(function (range) { return range[0] <= date && date <= range[1]; });
      return { result: r, date: date, shard: shard < 0 ? listing.dates.length : shard };
    }));
    dated.sort(function (a, b) { return a.shard - b.shard || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0); });
    var ordered = [];
    results.filter(function (r) { return r.score > 0; }).forEach(function (r) {
      var shard = index.shardOf(r.score);
      while (dated.length && dated[0].shard < shard) ordered.push(dated.shift().result);
      ordered.push(r);
    });
    return ordered.concat(dated.map(function (d) { return d.result; }));
  }

  var totals = {};

  async function load() {
    pagefind = await openIndex(false);
    totals = await pagefind.filters();
    renderFilters(totals);
  }

  // Filters open beside the results on a wide screen; on a phone they fold away under the results' top.
  var filtersBox = document.getElementById("search-filters-box");
  if (filtersBox && window.matchMedia("(min-width: 40.01rem)").matches) filtersBox.open = true;

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
