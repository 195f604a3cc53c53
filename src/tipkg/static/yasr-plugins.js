// Two result views for YASR (YASGUI's results half) that its npm build does not include: YASGUI 4 dropped
// the pivot table and Google Charts views of YASGUI 2, and no published YASR 4 plugin replaces them. Both are
// thin adapters over well-kept libraries vendored beside YASGUI: the pivot view is PivotTable.js (the library
// YASGUI 2's pivot view used), the chart view is Chart.js (in place of Google Charts, which loads from Google).
"use strict";

// A term as a person reads it: an IRI shortened with the page's prefixes (tip:Resolution), else its value.
function readableTerm(term, prefixes) {
  if (!term) return "";
  if (term.type === "uri") {
    for (const [prefix, namespace] of Object.entries(prefixes)) {
      if (term.value.startsWith(namespace) && term.value.length > namespace.length) {
        return `${prefix}:${term.value.slice(namespace.length)}`;
      }
    }
  }
  return term.value;
}

function resultRows(yasr) {
  const results = yasr.results;
  const variables = (results && results.getVariables && results.getVariables()) || [];
  const bindings = (results && results.getBindings && results.getBindings()) || [];
  return { variables, bindings };
}

function yasrPrefixes(yasr) {
  const prefixes = yasr.getPrefixes ? yasr.getPrefixes() : yasr.config.prefixes;
  return prefixes || {};
}

function textIcon(text) {
  const icon = document.createElement("span");
  icon.className = "tipkg-plugin-icon";
  icon.textContent = text;
  return icon;
}

// Pivot: PivotTable.js's pivotUI over the solutions, one record per row, terms shortened. The layout the user
// drags together (rows, columns, aggregator, renderer) is kept for the next results with the same variables.
class PivotView {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Pivot";
    this.layout = null;
  }

  canHandleResults() {
    const { variables, bindings } = resultRows(this.yasr);
    return variables.length > 0 && bindings.length > 0;
  }

  draw() {
    const { variables, bindings } = resultRows(this.yasr);
    const prefixes = yasrPrefixes(this.yasr);
    const records = bindings.map((binding) =>
      Object.fromEntries(variables.map((v) => [v, readableTerm(binding[v], prefixes)])));
    const sameVariables = this.layout && this.layout.variables.join() === variables.join();
    const layout = sameVariables ? this.layout : { rows: [variables[0]], cols: [] };
    const container = document.createElement("div");
    container.className = "tipkg-pivot";
    this.yasr.resultsEl.appendChild(container);
    window.jQuery(container).pivotUI(records, {
      rows: layout.rows, cols: layout.cols, vals: layout.vals || [],
      aggregatorName: layout.aggregatorName || "Count", rendererName: layout.rendererName || "Table",
      onRefresh: (config) => {
        this.layout = { variables, rows: config.rows, cols: config.cols, vals: config.vals,
                        aggregatorName: config.aggregatorName, rendererName: config.rendererName };
      },
    }, true);
  }

  getIcon() {
    return textIcon("⊞");
  }
}

const CHART_LIMIT = 100;  // bars past this are unreadable; the note says how many were left out
const COUNT = "";          // the "values" choice that counts rows

// Chart: Chart.js bar, line or pie chart of one variable (the labels) against a numeric one, summed per label,
// or against the number of rows with each label.
class ChartView {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 4;
    this.label = "Chart";
    this.choice = null;
    this.chart = null;
  }

  canHandleResults() {
    const { variables, bindings } = resultRows(this.yasr);
    return variables.length > 0 && bindings.length > 0;
  }

  numericVariables(variables, bindings) {
    return variables.filter((v) => {
      const values = bindings.map((b) => b[v]).filter(Boolean);
      return values.length > 0 && values.every((term) => term.type !== "uri" && term.value.trim() !== ""
                                                && Number.isFinite(Number(term.value)));
    });
  }

  defaultChoice(variables, bindings) {
    const numeric = this.numericVariables(variables, bindings);
    const labels = variables.find((v) => !numeric.includes(v)) || variables[0];
    const values = numeric.find((v) => v !== labels) || COUNT;
    return { variables: variables.join(), labels, values, type: "bar" };
  }

  select(name, text, options, selected, onChange) {
    const label = document.createElement("label");
    label.textContent = text + " ";
    const select = document.createElement("select");
    select.name = name;
    for (const [value, caption] of options) {
      const option = new Option(caption, value, false, value === selected);
      select.append(option);
    }
    select.addEventListener("change", () => onChange(select.value));
    label.append(select);
    return label;
  }

  draw() {
    const { variables, bindings } = resultRows(this.yasr);
    if (!this.choice || this.choice.variables !== variables.join()) this.choice = this.defaultChoice(variables, bindings);
    const choice = this.choice;
    const prefixes = yasrPrefixes(this.yasr);
    const totals = new Map();
    for (const binding of bindings) {
      const key = readableTerm(binding[choice.labels], prefixes);
      const value = choice.values === COUNT ? 1 : Number(binding[choice.values] ? binding[choice.values].value : NaN);
      if (Number.isFinite(value)) totals.set(key, (totals.get(key) || 0) + value);
    }
    const entries = [...totals.entries()];
    const shown = entries.slice(0, CHART_LIMIT);

    const container = document.createElement("div");
    container.className = "tipkg-chart";
    const controls = document.createElement("div");
    controls.className = "tipkg-chart-controls";
    const redraw = (key) => (value) => { this.choice = { ...this.choice, [key]: value }; this.yasr.draw(); };
    controls.append(
      this.select("labels", "Labels", variables.map((v) => [v, v]), choice.labels, redraw("labels")),
      this.select("values", "Values", [[COUNT, "number of rows"], ...variables.map((v) => [v, `sum of ${v}`])],
                  choice.values, redraw("values")),
      this.select("type", "Chart", [["bar", "bar"], ["line", "line"], ["pie", "pie"]], choice.type, redraw("type")),
    );
    container.append(controls);
    if (entries.length > shown.length) {
      const note = document.createElement("p");
      note.className = "tipkg-chart-note";
      note.textContent = `The first ${shown.length} of ${entries.length} labels are drawn.`;
      container.append(note);
    }
    const frame = document.createElement("div");
    frame.className = "tipkg-chart-frame";
    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${choice.type} chart of ${choice.values || "rows"} by ${choice.labels}`);
    frame.append(canvas);
    container.append(frame);
    this.yasr.resultsEl.appendChild(container);

    if (this.chart) this.chart.destroy();
    this.chart = new window.Chart(canvas, {
      type: choice.type,
      data: {
        labels: shown.map(([key]) => key),
        datasets: [{ label: choice.values === COUNT ? "rows" : choice.values, data: shown.map(([, value]) => value) }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { legend: { display: choice.type === "pie" } } },
    });
  }

  destroy() {
    if (this.chart) this.chart.destroy();
    this.chart = null;
  }

  getIcon() {
    return textIcon("▮");
  }
}

window.Yasgui.Yasr.registerPlugin("pivot", PivotView);
window.Yasgui.Yasr.registerPlugin("chart", ChartView);
