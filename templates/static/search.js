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
  var panel = document.getElementById("search-filter-panel");
  var filterBox = document.getElementById("search-filters");
  var list = document.getElementById("search-results");
  var pagefind = null;
  var searchId = 0;
  var timer = null;
  var scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  var variantTables = null;  // a promise of [Traditional to Simplified, Simplified to Traditional]

  if (location.protocol === "file:") {
    status.textContent = "Search cannot run on a page opened from a file (file://). " +
      "Serve the site instead: run `python build.py serve` and open the address it prints.";
    root.classList.add("search-unavailable");
    return;
  }

  // The URL holds the query, the sort and the chosen filter values: ?q=ainu&sort=newest&source=Zhitongcaijing
  var chosen = {};  // filter name -> chosen values (also before the filter panel is first opened)

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    sortSelect.value = params.get("sort") === "newest" ? "newest" : "relevance";
    chosen = {};
    FILTERS.forEach(function (pair) {
      var values = params.getAll(pair[0]);
      if (values.length) chosen[pair[0]] = values;
    });
    filterBox.querySelectorAll("input[data-filter]").forEach(function (box) {
      box.checked = (chosen[box.getAttribute("data-filter")] || []).indexOf(box.value) >= 0;
    });
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    if (sortSelect.value === "newest") params.set("sort", "newest");
    FILTERS.forEach(function (pair) {
      (chosen[pair[0]] || []).forEach(function (value) { params.append(pair[0], value); });
    });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url === location.pathname + location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function selectedFilters() {
    var filters = {};
    Object.keys(chosen).forEach(function (name) { filters[name] = { any: chosen[name].slice() }; });
    return filters;
  }

  function choose(box) {
    var name = box.getAttribute("data-filter");
    var values = (chosen[name] || []).filter(function (value) { return value !== box.value; });
    if (box.checked) values.push(box.value);
    if (values.length) chosen[name] = values.sort(); else delete chosen[name];
    writeUrl(true);
    run();
  }

  // The filter values and their counts over the whole archive, fetched when the panel is first opened
  // (or at once when the URL chooses some): a search does not wait for them.
  var filtersShown = null;

  function showFilters() {
    if (!filtersShown) {
      filtersShown = ready.then(function (ok) { return ok ? pagefind.filters() : null; }).then(function (available) {
        if (available) renderFilters(available);
        run();
      });
    }
    return filtersShown;
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
        box.checked = (chosen[pair[0]] || []).indexOf(value) >= 0;
        box.setAttribute("data-filter", pair[0]);
        box.addEventListener("change", function () { choose(box); });
        var count = document.createElement("span");
        count.className = "count";
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

  // Each value's count among the results of the current query and the other chosen filters.
  function showCounts(counts) {
    filterBox.querySelectorAll("fieldset[data-filter]").forEach(function (set) {
      var values = counts[set.getAttribute("data-filter")] || {};
      set.querySelectorAll("input[data-filter]").forEach(function (box) {
        box.parentNode.querySelector(".count").textContent = "(" + (values[box.value] || 0) + ")";
      });
    });
  }

  // A filter's counts leave out its own chosen values (ticking one source still shows what the
  // others hold) and keep the other filters' (ticking a source updates the type counts): one more
  // search, of words already loaded, per filter with a chosen value.
  async function facetCounts(term, options, found) {
    var counts = Object.assign({}, found.filters || {});
    var names = Object.keys(chosen);
    for (var i = 0; i < names.length; i++) {
      var others = selectedFilters();
      delete others[names[i]];
      var wider = await pagefind.search(term, Object.assign({}, options, { filters: others }));
      counts[names[i]] = (wider && wider.filters && wider.filters[names[i]]) || {};
    }
    return counts;
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

  // A Chinese query is looked up as typed and in the other script too: a Hong Kong or Taiwan report is
  // indexed in Traditional characters ("吉爾吉斯斯坦"), a reader may type Simplified ("吉尔吉斯斯坦").
  // zh-variants.json (scripts/zh_variants.py, from OpenCC's tables) pairs each character with its other form.
  function tablesOfVariants() {
    if (!variantTables) {
      variantTables = fetch(new URL("zh-variants.json", scriptUrl).href).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        if (!data) return null;
        return [data.t2s, data.s2t].map(function (pairs) {
          var chars = Array.from(pairs), table = {};  // (code points: some forms are outside the BMP)
          for (var i = 0; i + 1 < chars.length; i += 2) table[chars[i]] = chars[i + 1];
          return table;
        });
      }, function () { return null; });
    }
    return variantTables;
  }

  async function spellings(term) {
    if (!/[\u3400-\u9fff]/.test(term)) return cuts(term);
    var tables = await tablesOfVariants();
    var found = [term];
    (tables || []).forEach(function (table) {
      var other = Array.from(term).map(function (c) { return table[c] || c; }).join("");
      if (found.indexOf(other) < 0) found.push(other);
    });
    return found.reduce(function (all, spelling) {
      return all.concat(cuts(spelling).filter(function (cut) { return all.indexOf(cut) < 0; }));
    }, []);
  }

  // Pagefind takes each word of a query as the start of an indexed word. Chinese and Japanese pages are cut
  // into words when indexed, each in its own way ("中國外交部今天" as 中國 外交 部 今天), while a query typed
  // without spaces is one word: "外交部" found no page indexed with 外交 and 部. So a CJK query is also looked
  // up cut into words (the browser's Intl.Segmenter), and with those words cut to their first pairs of
  // characters (外交部 as 外交; 外交部发言人 as 外交 发言): each pair starts a word however the page was cut.
  var CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
  function cuts(term) {
    if (!CJK.test(term) || typeof Intl === "undefined" || !Intl.Segmenter) return [term];
    var language = /[\u3040-\u30ff]/.test(term) ? "ja" : "zh";
    var words = Array.from(new Intl.Segmenter(language, { granularity: "word" }).segment(term))
      .filter(function (piece) { return piece.isWordLike; })
      .map(function (piece) { return piece.segment; });
    var pairs = [];
    words.forEach(function (word) {
      var chars = Array.from(word);
      if (!CJK.test(word) || chars.length <= 2) { pairs.push(word); return; }
      for (var i = 0; i + 1 < chars.length; i += 2) pairs.push(chars[i] + chars[i + 1]);
    });
    return [term, words.join(" "), pairs.join(" ")].filter(function (cut, i, all) {
      return cut && all.indexOf(cut) === i;
    });
  }

  // The results of the query as typed first, then those only its other spellings find.
  async function searchAll(terms, options) {
    var found = await pagefind.search(terms[0], options);
    for (var i = 1; found && i < terms.length; i++) {
      var more = await pagefind.search(terms[i], options);
      var seen = {};
      found.results.forEach(function (r) { seen[r.id] = true; });
      (more ? more.results : []).forEach(function (r) { if (!seen[r.id]) found.results.push(r); });
    }
    return found;
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
    var found = await searchAll(await spellings(term), options);
    if (id !== searchId || !found) return;
    var data = await Promise.all(found.results.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }));
    if (id !== searchId) return;
    list.replaceChildren.apply(list, data.map(resultNode));
    if (filterBox.firstChild) showCounts(await facetCounts(term, options, found));
    if (id !== searchId) return;
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

  // One Pagefind bundle holds the whole archive (its shards are merged when the site is built).
  // Pagefind loads only the index of the page's own language; the bundle's other languages are
  // merged in, so that one search finds Chinese and English pages alike.
  async function load() {
    var bundle = new URL(root.dataset.bundlePath, location.href).href;
    var index = await import(bundle + "pagefind.js");
    await index.options({ baseUrl: root.dataset.baseUrl });
    await index.init();
    var own = document.documentElement.lang;
    var entry = await (await fetch(bundle + "pagefind-entry.json")).json();
    var others = Object.keys(entry.languages || {}).filter(function (lang) { return lang !== own; });
    for (var i = 0; i < others.length; i++) {
      await index.mergeIndex(bundle, { language: others[i], baseUrl: root.dataset.baseUrl });
    }
    pagefind = index;
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
  panel.addEventListener("toggle", function () { if (panel.open) showFilters(); });
  var ready = load().then(function () { return true; }, function (error) {
    status.textContent = "Search could not load its index (" + error + ").";
    return false;
  });
  if (Object.keys(chosen).length) panel.open = true;  // opening it shows the chosen filters
  run();
})();
