// The query page: YASGUI (YASQE's editor over YASR's result views) bound to this server's own endpoint, beside
// the catalogue of canned queries. Choosing a canned query loads its SPARQL; its parameters are form fields
// whose values the server binds into that SPARQL (/queries/NAME.rq). The editor declares the graph's prefixes
// as they are typed and completes them, its classes and properties (/vocabulary): every completion comes from
// this server, none from another host (YASQE's own class and property completers ask LOV, a public service).
"use strict";

const ENDPOINT = new URL("sparql", document.baseURI).href;
// What the endpoint writes each kind of answer in (its `format` parameter), for the download links.
const DOWNLOAD_FORMATS = { solutions: ["json", "xml", "csv", "tsv"], boolean: ["json", "xml"],
                           graph: ["turtle", "nt", "jsonld", "rdfxml"] };
const DEFAULT_QUERY = `SELECT ?class (COUNT(DISTINCT ?thing) AS ?things)
WHERE { ?thing a ?class }
GROUP BY ?class
ORDER BY DESC(?things)`;

const statusLine = document.getElementById("status");
const paramsBox = document.getElementById("params");
const paramsNote = document.getElementById("params-note");
const downloads = document.getElementById("downloads");
let yasgui = null;
let canned = null;   // the canned query chosen last
let binding = 0;     // the latest request for a bound query: earlier answers arriving late are dropped

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

// Completers over this graph's own terms, in place of YASQE's: its class and property completers fetch from
// Linked Open Vocabularies, and its prefixes are a snapshot of prefix.cc's, not this graph's.
function registerCompleters(vocabulary) {
  const Yasqe = window.Yasgui.Yasqe;
  const declarations = Object.entries(vocabulary.prefixes).map(([prefix, iri]) => `${prefix}: <${iri}>`).sort();
  const startingWith = (terms) => (yasqe, token) =>
    terms.filter((iri) => iri.startsWith(token.autocompletionString || ""));
  Yasqe.forkAutocompleter("prefixes", { name: "tipkgPrefixes", get: declarations, persistenceId: null }, false);
  Yasqe.forkAutocompleter("class", { name: "tipkgClasses", get: startingWith(vocabulary.classes), bulk: false,
                                     persistenceId: null }, false);
  Yasqe.forkAutocompleter("property", { name: "tipkgProperties", get: startingWith(vocabulary.properties),
                                        bulk: false, persistenceId: null }, false);
  return ["variables", "tipkgPrefixes", "tipkgClasses", "tipkgProperties"];
}

function createYasgui(vocabulary) {
  const Yasgui = window.Yasgui;
  const autocompleters = registerCompleters(vocabulary);
  // Set in place: YASGUI merges its config into these defaults index by index, which would keep the
  // defaults' remaining entries (the completers that ask other hosts, the plugins' order).
  Yasgui.Yasqe.defaults.autocompleters.splice(0, Infinity, ...autocompleters);
  Yasgui.Yasr.defaults.pluginOrder.splice(0, Infinity, "table", "pivot", "chart", "response");
  return new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }] },
    copyEndpointOnNewTab: true,
    persistenceId: null,  // each visit starts from the page's own state, not a stale one from the last visit
    yasqe: { value: DEFAULT_QUERY, prefixCcApi: null, autocompleters, editorHeight: "260px" },
    yasr: { prefixes: vocabulary.prefixes, defaultPlugin: "table" },
  });
}

function yasqe() {
  return yasgui.getTab().getYasqe();
}

function yasr() {
  return yasgui.getTab().getYasr();
}

async function loadCatalogue() {
  const list = document.getElementById("queries");
  const queries = await getJson("queries");
  list.replaceChildren();
  for (const query of queries) {
    const button = element("button", { type: "button", "data-name": query.name, title: query.question }, query.title);
    button.addEventListener("click", () => choose(query, button));
    const item = element("li");
    item.append(button);
    list.append(item);
  }
}

function choose(query, button) {
  canned = query;
  for (const other of document.querySelectorAll("#queries button")) other.removeAttribute("aria-current");
  button.setAttribute("aria-current", "true");
  document.getElementById("query-title").textContent = query.title;
  document.getElementById("query-question").textContent = query.question;
  paramsBox.replaceChildren();
  for (const p of query.parameters) {
    const label = element("label", { title: p.help }, p.name + (p.required ? " (required)" : ""));
    const input = element("input", { name: p.name, "data-param": p.name, placeholder: p.help.slice(0, 40) });
    if (p.required) input.required = true;
    input.addEventListener("input", () => fillQuery());
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        fillQuery().then(() => yasqe().query());
      }
    });
    label.append(input);
    paramsBox.append(label);
  }
  yasgui.getTab().setName(query.title);
  return fillQuery();
}

function cannedParams() {
  const params = new URLSearchParams();
  for (const input of paramsBox.querySelectorAll("input[data-param]")) {
    if (input.value.trim()) params.append(input.dataset.param, input.value.trim());
  }
  return params;
}

// The chosen canned query's SPARQL with the form's values bound, into the editor. Until a required parameter
// is given, the editor holds the query as it runs without one, and the note says what is missing.
async function fillQuery() {
  if (!canned) return;
  const request = ++binding;
  const params = cannedParams();
  const missing = canned.parameters.find((p) => p.required && !params.has(p.name));
  if (missing) {
    paramsNote.textContent = `Give ${missing.name} (${missing.help}) to bind it in the query.`;
    setQuery(canned.sparql);
    return;
  }
  const response = await fetch(`queries/${encodeURIComponent(canned.name)}.rq?${params}`);
  const text = await response.text();
  if (request !== binding) return;
  if (response.ok) {
    paramsNote.textContent = canned.parameters.length ? "The parameters are bound in the query below." : "";
    setQuery(text);
  } else {
    paramsNote.textContent = text;
    setQuery(canned.sparql);
  }
}

function setQuery(text) {
  if (yasqe().getValue() !== text) yasqe().setValue(text);
}

// After each answer: how many rows in how long, and links to the same results as files.
function showStatus() {
  const results = yasr().results;
  downloads.replaceChildren();
  if (!results || results.hasError()) {
    statusLine.textContent = "failed";
    statusLine.className = "error";
    return;
  }
  const seconds = ((results.getResponseTime() || 0) / 1000).toFixed(2);
  statusLine.className = "";
  const bindings = results.getBindings();
  if (bindings) {
    statusLine.textContent = `${bindings.length} row${bindings.length === 1 ? "" : "s"} in ${seconds} s`;
  } else {
    statusLine.textContent = `answered in ${seconds} s`;
  }
  const kind = results.getType() === "ttl" ? "graph" : results.getBoolean() !== undefined ? "boolean" : "solutions";
  const query = yasqe().getValue();
  downloads.append(document.createTextNode("download: "));
  for (const format of DOWNLOAD_FORMATS[kind]) {
    downloads.append(element("a", { href: `sparql?${new URLSearchParams({ query, format })}` }, format.toUpperCase()));
  }
}

async function start() {
  const vocabulary = await getJson("vocabulary");
  yasgui = createYasgui(vocabulary);
  yasgui.on("query", () => {
    statusLine.textContent = "running…";
    statusLine.className = "";
  });
  // YASGUI tells before it hands the answer to YASR: read YASR's results once it has them
  yasgui.on("queryResponse", () => setTimeout(showStatus, 0));
  await loadCatalogue();
  document.body.dataset.ready = "true";  // for the browser tests: the editor and the catalogue are in place
}

start().catch((error) => {
  statusLine.textContent = `cannot start the query page: ${error}`;
  statusLine.className = "error";
});
