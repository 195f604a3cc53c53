/* The tipkg network explorer: sigma.js (WebGL) over a graphology graph of the data that
 * `tipkg export --format html` inlines. At first it shows the most central entities and initiatives only
 * (resolutions are left out, each folded into the body that adopted it: a corpus holds thousands), each name drawn only where it does not cover another;
 * filters by kind, year, family of documents and community, and a search that focuses on a node and its
 * neighbours. Every text from the data reaches the page through textContent or as an attribute value set by
 * setAttribute, never as markup: document text may contain anything. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("tipkg-data").textContent);
  var kinds = {};
  data.kinds.forEach(function (k) { kinds[k.name] = k; });
  var nodesById = {};
  data.nodes.forEach(function (n) { nodesById[n.id] = n; });
  var folded = {};
  (data.folded || []).forEach(function (k) { folded[k] = true; });

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function shortLabel(text, width) {
    text = String(text);
    return text.length <= width ? text : text.slice(0, width - 1).trim() + "…";
  }

  // --- the graph: one drawn edge per pair of nodes, gathering the relations between them ---------------
  var graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  data.nodes.forEach(function (n) {
    graph.addNode(n.id, { x: n.x, y: n.y, size: Math.max(2.5, n.size / 4), label: shortLabel(n.label, 32),
      color: kinds[n.kind].colour });
  });
  var relationsOf = {};  // drawn edge -> indices of data.edges
  var edgesOfNode = {};  // node id -> indices of data.edges
  data.edges.forEach(function (e, i) {
    var key = graph.edge(e.source, e.target);
    if (key === undefined) {
      key = graph.addEdge(e.source, e.target, { size: 0.5, color: "#c9c9c9", weight: 0 });
      relationsOf[key] = [];
    }
    relationsOf[key].push(i);
    graph.setEdgeAttribute(key, "weight", graph.getEdgeAttribute(key, "weight") + e.weight);
    (edgesOfNode[e.source] = edgesOfNode[e.source] || []).push(i);
    (edgesOfNode[e.target] = edgesOfNode[e.target] || []).push(i);
  });
  graph.forEachEdge(function (key, attrs) {
    graph.setEdgeAttribute(key, "size", Math.min(0.5 + Math.log(1 + attrs.weight) * 0.5, 4));
  });

  // --- what is shown --------------------------------------------------------------------------------
  var state = { top: data.top, focus: null, selected: null, family: "", community: "" };
  var shownNodes = new Set(), shownEdges = new Set(), relationShown = [];

  var kindBoxes = {};
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var topInput = document.getElementById("top");

  function compute() {
    var on = {};
    Object.keys(kindBoxes).forEach(function (k) { on[k] = kindBoxes[k].checked; });
    var lo = data.years ? Number(yearFrom.value || data.years[0]) : null;
    var hi = data.years ? Number(yearTo.value || data.years[1]) : null;
    var yearsActive = data.years && (lo > data.years[0] || hi < data.years[1]);
    var linked = {};
    // a body's requests folded from its resolutions stand for them while the resolutions are not shown
    var foldedShown = Object.keys(folded).some(function (k) { return on[k]; });
    relationShown = data.edges.map(function (e) {
      var ok = on[nodesById[e.source].kind] && on[nodesById[e.target].kind] && !(e.folded && foldedShown) &&
        (!yearsActive || e.years.some(function (y) { return y >= lo && y <= hi; })) &&
        (!state.family || e.families.indexOf(state.family) >= 0);
      if (ok) { linked[e.source] = true; linked[e.target] = true; }
      return ok;
    });
    shownNodes = new Set();
    if (state.focus) {  // a node and its neighbours, whatever their rank
      shownNodes.add(state.focus);
      (edgesOfNode[state.focus] || []).forEach(function (i) {
        if (relationShown[i]) { shownNodes.add(data.edges[i].source); shownNodes.add(data.edges[i].target); }
      });
    } else {
      var narrowed = yearsActive || state.family;
      for (var i = 0; i < data.nodes.length && shownNodes.size < state.top; i++) {
        var n = data.nodes[i];  // in the order of their rank
        if (!on[n.kind] || (state.community && String(n.community) !== state.community)) { continue; }
        if (narrowed && !linked[n.id]) { continue; }
        shownNodes.add(n.id);
      }
    }
    shownEdges = new Set();
    graph.forEachEdge(function (key, attrs, source, target) {
      if (shownNodes.has(source) && shownNodes.has(target) &&
          relationsOf[key].some(function (i) { return relationShown[i]; })) {
        shownEdges.add(key);
      }
    });
    document.getElementById("shown").textContent = "Showing " + shownNodes.size + " of " + data.nodes.length +
      " nodes and " + shownEdges.size + " of " + graph.size + " links.";
  }

  function neighbours(id) {
    var out = new Set([id]);
    graph.forEachNeighbor(id, function (m) { out.add(m); });
    return out;
  }

  var near = null;  // the selected node and its neighbours, drawn over the rest
  function nodeReducer(node, attrs) {
    if (!shownNodes.has(node)) { return Object.assign({}, attrs, { hidden: true }); }
    if (near && !near.has(node)) { return Object.assign({}, attrs, { color: "#e2e2e2", label: "", zIndex: 0 }); }
    if (near) { return Object.assign({}, attrs, { zIndex: 1, highlighted: node === state.selected }); }
    return attrs;
  }
  function edgeReducer(edge, attrs) {
    if (!shownEdges.has(edge)) { return Object.assign({}, attrs, { hidden: true }); }
    if (near && !(near.has(graph.source(edge)) && near.has(graph.target(edge)) &&
                  (graph.source(edge) === state.selected || graph.target(edge) === state.selected))) {
      return Object.assign({}, attrs, { color: "#f0f0f0" });
    }
    if (near) { return Object.assign({}, attrs, { color: "#555" }); }
    return attrs;
  }

  // names are drawn most central first, and one that would cover a name already drawn is left out
  var labelBoxes = [];
  function drawLabel(context, d, settings) {
    if (!d.label) { return; }
    var size = settings.labelSize;
    context.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
    var box = { x: d.x + d.size + 3, y: d.y - size * 0.8, w: context.measureText(d.label).width, h: size * 1.2 };
    for (var i = 0; i < labelBoxes.length; i++) {
      var b = labelBoxes[i];
      if (box.x < b.x + b.w + 2 && box.x + box.w + 2 > b.x && box.y < b.y + b.h && box.y + box.h > b.y) { return; }
    }
    box.node = d.key;
    box.label = d.label;
    labelBoxes.push(box);
    context.lineWidth = 3;
    context.strokeStyle = "rgba(255,255,255,0.9)";
    context.strokeText(d.label, box.x, d.y + size / 3);
    context.fillStyle = "#222";
    context.fillText(d.label, box.x, d.y + size / 3);
  }

  compute();
  var renderer = new Sigma(graph, document.getElementById("graph"), {
    allowInvalidContainer: true,
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    zIndex: true,
    labelFont: "system-ui, Helvetica, Arial, sans-serif",
    labelSize: 12,
    labelWeight: "500",
    labelDensity: 1,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 3,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    defaultDrawNodeLabel: drawLabel,
    nodeReducer: nodeReducer,
    edgeReducer: edgeReducer
  });
  renderer.on("beforeRender", function () { labelBoxes = []; });

  function refresh() {
    near = state.selected ? neighbours(state.selected) : null;
    renderer.refresh();
  }

  // the camera on the nodes shown (the graph's own frame holds every node, shown or not)
  function fit(duration) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shownNodes.forEach(function (id) {
      var d = renderer.getNodeDisplayData(id);
      if (!d) { return; }
      x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    });
    if (x0 === Infinity) { return; }
    var state = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: Math.max(x1 - x0, y1 - y0, 0.02) * 1.1, angle: 0 };
    if (duration) { renderer.getCamera().animate(state, { duration: duration }); } else { renderer.getCamera().setState(state); }
  }

  // --- the header and the controls ------------------------------------------------------------
  document.getElementById("summary").textContent = data.nodes.length + " nodes, " + data.edges.length +
    " relations · " + (data.selection || "the whole graph") + " · tipkg " + data.version + ", " + data.generated;

  function update() {
    compute();
    if (state.selected && !shownNodes.has(state.selected)) { state.selected = null; }
    refresh();
  }

  var kindsField = document.getElementById("kinds");
  data.kinds.forEach(function (k) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = !folded[k.name];
    box.value = k.name;
    box.setAttribute("data-kind", k.name);
    box.addEventListener("change", function () { update(); fit(300); });
    var swatch = el("span", null, "swatch");
    swatch.style.backgroundColor = k.colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", k.label + " (" + k.count + ")" + (folded[k.name] ? ", left out at first" : "")));
    kindsField.appendChild(label);
    kindBoxes[k.name] = box;
  });

  topInput.value = data.top;
  topInput.max = data.nodes.length;
  document.getElementById("top-of").textContent = "of " + data.nodes.length;
  topInput.addEventListener("change", function () {
    state.top = Math.max(1, Number(topInput.value) || data.top);
    update();
    fit(300);
  });

  if (data.years) {
    [yearFrom, yearTo].forEach(function (input) {
      input.min = data.years[0];
      input.max = data.years[1];
      input.addEventListener("change", update);
    });
    yearFrom.value = data.years[0];
    yearTo.value = data.years[1];
  } else {
    document.getElementById("years").hidden = true;
  }

  var familySelect = document.getElementById("family");
  (data.families || []).forEach(function (f) {
    var option = el("option", f.label + " (" + f.count + " relations)");
    option.value = f.name;
    familySelect.appendChild(option);
  });
  familySelect.addEventListener("change", function () { state.family = familySelect.value; update(); fit(300); });
  var communitySelect = document.getElementById("community");
  (data.communities || []).forEach(function (c) {
    var option = el("option", c.number + ": " + c.label + " (" + c.size + ")");
    option.value = String(c.number);
    communitySelect.appendChild(option);
  });
  communitySelect.addEventListener("change", function () { state.community = communitySelect.value; update(); fit(300); });

  var names = document.getElementById("node-names");
  data.nodes.slice(0, 2000).forEach(function (n) {  // in the order of their rank
    var option = el("option");
    option.value = n.label;
    option.textContent = n.name !== n.label ? n.name : kinds[n.kind].label;
    names.appendChild(option);
  });

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
      b.addEventListener("click", function () { select(n.id); });
      return b;
    }
    heading.appendChild(name(source));
    heading.appendChild(document.createTextNode(" " + e.label + (e.verbs ? " (" + e.verbs + ")" : "") + " "));
    heading.appendChild(name(target));
    item.appendChild(heading);
    item.appendChild(el("div", e.weight + (e.weight === 1 ? " paragraph" : " paragraphs") +
      (e.folded ? " of " + e.folded + (e.folded === 1 ? " resolution" : " resolutions") : ""), "meta"));
    // a few sentences at once, the rest on demand: a body such as the General Assembly has thousands
    paged(item, e.evidence, EVIDENCE_PAGE, evidenceBlock, "paragraphs");
    if (e.more) { item.appendChild(el("p", "and " + e.more + " more paragraphs in the graph", "meta")); }
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

  // --- a resolution's timeline: where it came from, what it asks and what answered each ask, what followed ---------
  function docRef(x) {
    if (x.node && nodesById[x.node]) {
      var b = el("button", x.symbol, "other");
      b.type = "button";
      b.addEventListener("click", function () { select(x.node); });
      return b;
    }
    return el("span", x.symbol);
  }

  function step(className, parts, tag) {
    var li = el(tag || "li", null, className);
    parts.forEach(function (part) {
      if (Array.isArray(part)) {  // several documents, separated by commas
        part.forEach(function (x, i) { if (i) { li.appendChild(document.createTextNode(", ")); } li.appendChild(docRef(x)); });
      } else {
        li.appendChild(typeof part === "string" ? document.createTextNode(part) : docRef(part));
      }
    });
    return li;
  }

  function timelineBlock(t, name) {
    var box = el("section", null, "timeline");
    box.appendChild(el("h3", "Timeline: asks and answers"));
    var steps = el("ol", null, "steps");
    if (t.previous.length) { steps.appendChild(step("previous", ["Follows ", t.previous, " in its series."])); }
    t.revised.forEach(function (pair) { steps.appendChild(step("revision", ["Draft ", pair[1], ", revised as ", pair[0], "."])); });
    t.amendments.forEach(function (pair) { steps.appendChild(step("amendment", [pair[0], " amends draft ", pair[1], "."])); });
    if (t.drafts.length) { steps.appendChild(step("draft", ["Adopted from draft ", t.drafts, "."])); }
    if (t.recommended_by.length) { steps.appendChild(step("recommended", ["Recommended in ", t.recommended_by, "."])); }
    t.notes.forEach(function (n) {
      steps.appendChild(step("noted", ["Takes note of ", n.report].concat(
        n.pursuant_to.length ? [", submitted pursuant to ", n.pursuant_to] : [], [" (" + n.paragraph + ")."])));
    });
    steps.appendChild(el("li", name + (t.asks.length ? " asks:" : "."), "this"));
    box.appendChild(steps);
    if (t.asks.length) {
      var asks = el("ul", null, "asks");
      t.asks.forEach(function (a) {
        var due = a.due ? " Due " + a.due + (a.due_session ? " (" + a.due_session + ")" : "") + "." : "";
        var li = step("ask", [a.paragraph + ": " + a.addressee + ", " + a.ask + "." + due + " "]);
        li.appendChild(el("span", a.status, "status " + a.status));
        if (a.answered_by.length) { li.appendChild(step("answer", ["Answered by ", a.answered_by, "."], "div")); }
        if (a.taken_note_by.length) { li.appendChild(step("answer", ["Taken note of by ", a.taken_note_by, "."], "div")); }
        asks.appendChild(li);
      });
      box.appendChild(asks);
    }
    if (t.following.length) {
      box.appendChild(step("following", ["Followed in its series by ", t.following, "."], "p"));
    }
    return box;
  }

  function showNode(id) {
    var n = nodesById[id];
    clear(body);
    body.appendChild(el("h2", n.name));
    body.appendChild(el("p", (n.label !== n.name ? n.label + " · " : "") + n.class + " (" + kinds[n.kind].label + ")", "meta"));
    body.appendChild(link(n.iri));
    var dl = el("dl");
    [["rank", n.rank], ["degree", n.degree], ["betweenness", n.betweenness], ["community", n.community],
     ["communities it links", n.linked_communities], ["documents", n.documents],
     ["years", n.first_year ? n.first_year + (n.last_year !== n.first_year ? "–" + n.last_year : "") : null]
    ].forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null) { return; }
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", pair[1]));
    });
    body.appendChild(dl);
    var timeline = (data.timelines || {})[id];
    if (timeline) { body.appendChild(timelineBlock(timeline, n.label)); }
    var edges = (edgesOfNode[id] || []).filter(function (i) { return relationShown[i]; })
      .map(function (i) { return data.edges[i]; });
    edges.sort(function (a, b) { return b.weight - a.weight; });
    body.appendChild(el("h3", "Statements (" + edges.length + ")"));
    var list = el("div", null, "statements");
    body.appendChild(list);
    paged(list, edges, STATEMENT_PAGE, function (e) { return statement(e, n.id); }, "statements");
    openDetails();
  }

  // the picture shares the width with the details: sigma is told when that width changes
  function openDetails() {
    var was = details.hidden;
    details.hidden = false;
    if (was) { renderer.resize(); renderer.refresh(); }
  }

  function showEdge(key) {
    var relations = relationsOf[key].filter(function (i) { return relationShown[i]; }).map(function (i) { return data.edges[i]; });
    var a = nodesById[graph.source(key)], b = nodesById[graph.target(key)];
    clear(body);
    body.appendChild(el("h2", a.label + " and " + b.label));
    var weight = relations.reduce(function (sum, e) { return sum + e.weight; }, 0);
    body.appendChild(el("p", relations.length + (relations.length === 1 ? " relation, " : " relations, ") + weight +
      (weight === 1 ? " paragraph" : " paragraphs"), "meta"));
    relations.forEach(function (e) { body.appendChild(statement(e, null)); });
    openDetails();
  }

  function select(id) {
    if (!id || !nodesById[id]) { return; }
    if (!shownNodes.has(id)) { focusOn(id); return; }
    state.selected = id;
    refresh();
    showNode(id);
    var d = renderer.getNodeDisplayData(id);
    var camera = renderer.getCamera();
    camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.6) }, { duration: 300 });
  }

  // the node and its neighbours alone, whatever the filter of ranks and communities
  function focusOn(id) {
    var n = nodesById[id];
    kindBoxes[n.kind].checked = true;
    state.focus = id;
    state.selected = id;
    compute();
    refresh();
    showNode(id);
    var status = document.getElementById("focus-status");
    status.firstElementChild.textContent = n.label + " and its " + (shownNodes.size - 1) + " neighbours.";
    status.hidden = false;
    fit(300);
  }

  function unfocus() {
    state.focus = null;
    state.selected = null;
    document.getElementById("focus-status").hidden = true;
    update();
    fit(300);
  }

  renderer.on("clickNode", function (evt) { select(evt.node); });
  renderer.on("clickEdge", function (evt) { showEdge(evt.edge); });
  renderer.on("clickStage", function () { state.selected = null; refresh(); });

  document.getElementById("close-details").addEventListener("click", function () {
    details.hidden = true;
    state.selected = null;
    renderer.resize();
    refresh();
  });
  document.getElementById("clear-focus").addEventListener("click", unfocus);

  // --- search -----------------------------------------------------------------------------------
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var exact = null, partial = null;
    data.nodes.forEach(function (n) {  // in the order of their rank: the first match is the most central
      var label = String(n.label).toLowerCase(), name = String(n.name).toLowerCase();
      if (label === q || name === q) {
        if (!exact) { exact = n; }
      } else if (!partial && (label.indexOf(q) >= 0 || name.indexOf(q) >= 0)) {
        partial = n;
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
    focusOn(n.id);
    return n.id;
  }

  document.getElementById("search-form").addEventListener("submit", function (evt) {
    evt.preventDefault();
    search(document.getElementById("search").value);
  });

  // --- buttons ----------------------------------------------------------------------------------
  document.getElementById("fit").addEventListener("click", function () { fit(300); });
  document.getElementById("reset").addEventListener("click", function () {
    Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].checked = !folded[k]; });
    if (data.years) { yearFrom.value = data.years[0]; yearTo.value = data.years[1]; }
    familySelect.value = communitySelect.value = "";
    state.family = state.community = "";
    state.top = data.top;
    topInput.value = data.top;
    unfocus();
  });

  update();
  fit(0);
  // for scripts and tests: the graph, the renderer, the data, what is shown and the actions a person takes
  window.tipkgExplorer = {
    graph: graph, renderer: renderer, data: data, search: search, select: select, focus: focusOn,
    unfocus: unfocus, fit: fit, update: update,
    shownNodes: function () { return Array.from(shownNodes); },
    shownEdges: function () { return Array.from(shownEdges); },
    labels: function () { return labelBoxes.map(function (b) { return Object.assign({}, b); }); },
    viewport: function (id) {
      var d = renderer.getNodeDisplayData(id);
      return d ? renderer.framedGraphToViewport(d) : null;
    },
    ready: true
  };
})();
