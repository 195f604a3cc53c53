// The query page: lists the canned queries (from /queries), runs the chosen one or the SPARQL in the editor
// through the endpoint, and shows SPARQL JSON results as a table. Plain DOM, no framework, works offline.
"use strict";

const RESULTS_FORMATS = ["json", "xml", "csv", "tsv"];
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1";

const editor = document.getElementById("editor");
const form = document.getElementById("query-form");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");
const paramsBox = document.getElementById("params");
const downloads = document.getElementById("downloads");
let canned = null;  // the canned query whose text is in the editor, if the text is still its own

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

async function loadCatalogue() {
  const list = document.getElementById("queries");
  const response = await fetch("queries", { headers: { Accept: "application/json" } });
  const queries = await response.json();
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
  editor.value = query.sparql;
  paramsBox.replaceChildren();
  for (const p of query.parameters) {
    const label = element("label", { title: p.help }, p.name + (p.required ? " (required)" : ""));
    const input = element("input", { name: p.name, "data-param": p.name, placeholder: p.help.slice(0, 40) });
    if (p.required) input.required = true;
    label.append(input);
    paramsBox.append(label);
  }
  results.replaceChildren();
  statusLine.textContent = "";
  downloads.replaceChildren();
}

function cannedParams() {
  const params = new URLSearchParams();
  for (const input of paramsBox.querySelectorAll("input[data-param]")) {
    if (input.value.trim()) params.append(input.dataset.param, input.value.trim());
  }
  return params;
}

function showDownloads(urlFor) {
  downloads.replaceChildren(document.createTextNode("download: "));
  for (const format of RESULTS_FORMATS) downloads.append(element("a", { href: urlFor(format) }, format.toUpperCase()));
}

async function run(event) {
  if (event) event.preventDefault();
  results.replaceChildren();
  statusLine.textContent = "running…";
  statusLine.className = "";
  let response;
  const started = performance.now();
  try {
    if (canned && editor.value === canned.sparql) {
      const params = cannedParams();
      response = await fetch(`queries/${encodeURIComponent(canned.name)}?${params}`, { headers: { Accept: ACCEPT } });
      showDownloads((format) => {
        const p = new URLSearchParams(params);
        p.set("format", format);
        return `queries/${encodeURIComponent(canned.name)}?${p}`;
      });
    } else {
      const body = new URLSearchParams({ query: editor.value });
      response = await fetch("sparql", { method: "POST", body, headers: { Accept: ACCEPT } });
      showDownloads((format) => `sparql?${new URLSearchParams({ query: editor.value, format })}`);
    }
  } catch (error) {
    fail(`the endpoint did not answer: ${error}`);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const text = await response.text();
  if (!response.ok) {
    downloads.replaceChildren();
    fail(`${response.status} ${response.statusText}: ${text}`);
    return;
  }
  const type = response.headers.get("content-type") || "";
  if (type.includes("sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      results.append(element("p", { id: "boolean" }, String(data.boolean)));
      statusLine.textContent = `answered in ${seconds} s`;
    } else {
      results.append(table(data));
      const n = data.results.bindings.length;
      statusLine.textContent = `${n} row${n === 1 ? "" : "s"} in ${seconds} s`;
    }
  } else {
    downloads.replaceChildren();
    results.append(element("pre", {}, text));
    statusLine.textContent = `${type.split(";")[0]} in ${seconds} s`;
  }
}

function fail(message) {
  statusLine.textContent = "failed";
  statusLine.className = "error";
  results.append(element("p", { class: "error", role: "alert" }, message));
}

function table(data) {
  const vars = data.head.vars;
  const tableNode = element("table", { id: "results-table" });
  const head = element("tr");
  for (const v of vars) head.append(element("th", { scope: "col" }, v));
  tableNode.append(element("thead"));
  tableNode.tHead.append(head);
  const body = element("tbody");
  for (const binding of data.results.bindings) {
    const row = element("tr");
    for (const v of vars) {
      const cell = element("td");
      const term = binding[v];
      if (term && term.type === "uri") {
        cell.append(element("a", { href: term.value }, term.value));
      } else if (term) {
        cell.textContent = term.type === "bnode" ? `_:${term.value}` : term.value;
      }
      row.append(cell);
    }
    body.append(row);
  }
  tableNode.append(body);
  return tableNode;
}

form.addEventListener("submit", run);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
});
loadCatalogue().catch((error) => fail(`cannot list the canned queries: ${error}`));
