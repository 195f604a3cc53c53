/* The tipkg network explorer: Cytoscape.js over the data that `tipkg export --format html` inlines.
 * Every text from the data reaches the page through textContent or as an attribute value set by
 * setAttribute, never as markup: document text may contain anything. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("tipkg-data").textContent);
  var kinds = {};
  data.kinds.forEach(function (k) { kinds[k.name] = k; });
  var nodesById = {};
  data.nodes.forEach(function (n) { nodesById[n.id] = n; });

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  // --- the graph -----------------------------------------------------------------------------
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, colour: kinds[n.kind].colour,
      size: n.size }, position: { x: n.x, y: n.y } });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, label: e.label,
      width: Math.min(1 + Math.log(1 + e.weight) * 1.5, 8), directed: e.directed ? 1 : 0 } });
  });
  var large = data.edges.length > 3000;
  var cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: { name: "preset", fit: true, padding: 30 },
    minZoom: 0.02,
    maxZoom: 6,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": "mapData(size, 8, 60, 9, 24)", "min-zoomed-font-size": 6,
        "text-wrap": "ellipsis", "text-max-width": "160px", "text-valign": "bottom", "text-margin-y": 2,
        "text-outline-color": "#ffffff", "text-outline-width": 2, "color": "#222", "border-width": 1, "border-color": "#ffffff" } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "#9a9a9a", "opacity": 0.55,
        "curve-style": large ? "haystack" : "bezier", "target-arrow-shape": "none" } },
      { selector: "edge[directed = 1]", style: { "target-arrow-shape": large ? "none" : "triangle",
        "target-arrow-color": "#9a9a9a", "arrow-scale": 0.7 } },
      { selector: ".hidden", style: { "display": "none" } },
      { selector: ".faded", style: { "opacity": 0.12 } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#111", "z-index": 10 } },
      { selector: "edge.focus", style: { "line-color": "#333", "target-arrow-color": "#333", "opacity": 1, "z-index": 9 } }
    ]
  });

  // --- the header and the controls ------------------------------------------------------------
  document.getElementById("summary").textContent = data.nodes.length + " nodes, " + data.edges.length +
    " relations · " + (data.selection || "the whole graph") + " · tipkg " + data.version + ", " + data.generated;

  var kindBoxes = {};
  var kindsField = document.getElementById("kinds");
  data.kinds.forEach(function (k) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = k.name;
    box.setAttribute("data-kind", k.name);
    box.addEventListener("change", applyFilters);
    var swatch = el("span", null, "swatch");
    swatch.style.backgroundColor = k.colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", k.label + " (" + k.count + ")"));
    kindsField.appendChild(label);
    kindBoxes[k.name] = box;
  });

  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  if (data.years) {
    [yearFrom, yearTo].forEach(function (input) {
      input.min = data.years[0];
      input.max = data.years[1];
      input.addEventListener("input", applyFilters);
    });
    yearFrom.value = data.years[0];
    yearTo.value = data.years[1];
  } else {
    document.getElementById("years").hidden = true;
  }

  var names = document.getElementById("node-names");
  data.nodes.slice().sort(function (a, b) { return (b.degree || 0) - (a.degree || 0); }).forEach(function (n) {
    var option = el("option");
    option.value = n.label;
    option.textContent = n.name !== n.label ? n.name : kinds[n.kind].label;
    names.appendChild(option);
  });

  function applyFilters() {
    var on = {};
    Object.keys(kindBoxes).forEach(function (k) { on[k] = kindBoxes[k].checked; });
    var lo = data.years ? Number(yearFrom.value || data.years[0]) : null;
    var hi = data.years ? Number(yearTo.value || data.years[1]) : null;
    var allYears = !data.years || (lo <= data.years[0] && hi >= data.years[1]);
    var shownEdges = {};
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var e = data.edges[Number(edge.id().slice(1))];
        var ok = on[nodesById[e.source].kind] && on[nodesById[e.target].kind] &&
          (allYears || e.years.some(function (y) { return y >= lo && y <= hi; }));
        edge.toggleClass("hidden", !ok);
        if (ok) { shownEdges[e.source] = true; shownEdges[e.target] = true; }
      });
      cy.nodes().forEach(function (node) {
        var ok = on[node.data("kind")] && (allYears || shownEdges[node.id()] === true);
        node.toggleClass("hidden", !ok);
      });
    });
    var nodes = cy.nodes().not(".hidden").length;
    var edges = cy.edges().not(".hidden").length;
    document.getElementById("shown").textContent = "Showing " + nodes + " nodes and " + edges + " relations.";
  }

  // --- details --------------------------------------------------------------------------------
  var details = document.getElementById("details");
  var body = document.getElementById("details-body");

  function link(iri) {
    var a = el("a", iri, "iri");
    if (/^https?:\/\//.test(iri)) { a.setAttribute("href", iri); a.setAttribute("rel", "noopener"); }
    return a;
  }

  function evidenceBlock(index) {
    var ev = data.evidence[index];
    var box = el("div", null, "evidence");
    box.appendChild(el("blockquote", ev.text));
    var where = ev.document + ", " + ev.paragraph + (ev.year ? " · " + ev.year : "") + " · rule " + ev.rule;
    box.appendChild(el("cite", where));
    return box;
  }

  function statement(e, from) {
    var item = el("div", null, "statement");
    var heading = el("h4");
    var source = nodesById[e.source], target = nodesById[e.target];
    function name(n) {
      if (from && n.id === from) { return el("span", n.label); }
      var b = el("button", n.label, "other");
      b.type = "button";
      b.title = n.name;
      b.addEventListener("click", function () { select(cy.getElementById(n.id)); });
      return b;
    }
    heading.appendChild(name(source));
    heading.appendChild(document.createTextNode(" " + e.label + (e.verbs ? " (" + e.verbs + ")" : "") + " "));
    heading.appendChild(name(target));
    item.appendChild(heading);
    item.appendChild(el("div", e.weight + (e.weight === 1 ? " paragraph" : " paragraphs"), "meta"));
    // a few sentences at once, the rest on demand: a body such as the General Assembly has thousands
    paged(item, e.evidence, EVIDENCE_PAGE, evidenceBlock, "paragraphs");
    return item;
  }

  var EVIDENCE_PAGE = 3, STATEMENT_PAGE = 40;

  function paged(parent, items, first, render, noun) {
    var shown = 0;
    var more = el("button", null, "more");
    more.type = "button";
    function next() {
      var end = Math.min(items.length, shown === 0 ? first : shown + 50);
      for (; shown < end; shown++) { parent.insertBefore(render(items[shown]), more); }
      var rest = items.length - shown;
      more.textContent = "Show " + Math.min(rest, 50) + " more " + noun + " (" + rest + " left)";
      more.hidden = rest <= 0;
    }
    more.addEventListener("click", next);
    parent.appendChild(more);
    next();
  }

  function showNode(node) {
    var n = nodesById[node.id()];
    clear(body);
    body.appendChild(el("h2", n.name));
    body.appendChild(el("p", (n.label !== n.name ? n.label + " · " : "") + n.class + " (" + kinds[n.kind].label + ")", "meta"));
    body.appendChild(link(n.iri));
    var dl = el("dl");
    [["degree", n.degree], ["betweenness", n.betweenness], ["community", n.community],
     ["communities it links", n.linked_communities], ["documents", n.documents],
     ["years", n.first_year ? n.first_year + (n.last_year !== n.first_year ? "–" + n.last_year : "") : null]
    ].forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null) { return; }
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", pair[1]));
    });
    body.appendChild(dl);
    var edges = node.connectedEdges().not(".hidden").map(function (edge) { return data.edges[Number(edge.id().slice(1))]; });
    edges.sort(function (a, b) { return b.weight - a.weight; });
    body.appendChild(el("h3", "Statements (" + edges.length + ")"));
    var list = el("div", null, "statements");
    body.appendChild(list);
    paged(list, edges, STATEMENT_PAGE, function (e) { return statement(e, n.id); }, "statements");
    details.hidden = false;
    cy.resize();
  }

  function showEdge(edge) {
    var e = data.edges[Number(edge.id().slice(1))];
    clear(body);
    body.appendChild(el("h2", nodesById[e.source].label + " " + e.label + " " + nodesById[e.target].label));
    body.appendChild(el("p", e.weight + (e.weight === 1 ? " paragraph" : " paragraphs") +
      (e.years.length ? " · " + e.years[0] + (e.years.length > 1 ? "–" + e.years[e.years.length - 1] : "") : ""), "meta"));
    body.appendChild(statement(e, null));
    details.hidden = false;
    cy.resize();
  }

  function focus(ele) {
    cy.elements().removeClass("focus faded");
    var near = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
    cy.elements().not(near).addClass("faded");
    near.addClass("focus");
  }

  function select(ele) {
    if (!ele || ele.empty()) { return; }
    focus(ele);
    if (ele.isNode()) {
      showNode(ele);
      cy.animate({ center: { eles: ele }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    } else {
      showEdge(ele);
    }
  }

  cy.on("tap", "node", function (evt) { select(evt.target); });
  cy.on("tap", "edge", function (evt) { select(evt.target); });
  cy.on("tap", function (evt) {
    if (evt.target === cy) { cy.elements().removeClass("focus faded"); }
  });

  document.getElementById("close-details").addEventListener("click", function () {
    details.hidden = true;
    cy.elements().removeClass("focus faded");
    cy.resize();
  });

  // --- search -----------------------------------------------------------------------------------
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var exact = null, partial = null;
    data.nodes.forEach(function (n) {
      var label = String(n.label).toLowerCase(), name = String(n.name).toLowerCase();
      if (label === q || name === q) {
        if (!exact || (n.degree || 0) > (exact.degree || 0)) { exact = n; }
      } else if (label.indexOf(q) >= 0 || name.indexOf(q) >= 0) {
        if (!partial || (n.degree || 0) > (partial.degree || 0)) { partial = n; }
      }
    });
    return exact || partial;
  }

  function search(query) {
    var status = document.getElementById("search-status");
    var n = find(query);
    if (!n) {
      status.textContent = query.trim() ? "No node matches “" + query.trim() + "”." : "";
      return null;
    }
    status.textContent = "";
    var node = cy.getElementById(n.id);
    if (node.hasClass("hidden")) {
      kindBoxes[n.kind].checked = true;
      yearFrom.value = data.years ? data.years[0] : "";
      yearTo.value = data.years ? data.years[1] : "";
      applyFilters();
    }
    select(node);
    return node;
  }

  document.getElementById("search-form").addEventListener("submit", function (evt) {
    evt.preventDefault();
    search(document.getElementById("search").value);
  });

  // --- buttons ----------------------------------------------------------------------------------
  document.getElementById("fit").addEventListener("click", function () {
    cy.fit(cy.elements().not(".hidden"), 30);
  });
  document.getElementById("relayout").addEventListener("click", function () {
    var shown = cy.elements().not(".hidden");
    shown.layout({ name: shown.nodes().length > 1500 ? "grid" : "cose", animate: false, fit: true, padding: 30,
      randomize: false, nodeRepulsion: function () { return 8000; } }).run();
  });
  document.getElementById("reset").addEventListener("click", function () {
    Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].checked = true; });
    if (data.years) { yearFrom.value = data.years[0]; yearTo.value = data.years[1]; }
    applyFilters();
    cy.elements().removeClass("focus faded");
    data.nodes.forEach(function (n) { cy.getElementById(n.id).position({ x: n.x, y: n.y }); });
    cy.fit(undefined, 30);
  });

  applyFilters();
  // for scripts and tests: the graph, the data and the actions a person takes
  window.tipkgExplorer = { cy: cy, data: data, search: search, select: select, applyFilters: applyFilters, ready: true };
})();
