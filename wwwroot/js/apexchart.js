// The only code that touches ApexCharts: pages describe charts in C# (ApexChart.razor) and this module draws them.
let library;

function load() {
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'lib/apexcharts/apexcharts.min.js';
    script.onload = () => resolve(window.ApexCharts);
    script.onerror = () => reject(new Error('could not load lib/apexcharts/apexcharts.min.js'));
    document.head.appendChild(script);
  });
  return library;
}

const charts = new WeakMap();

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const text = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]);

// ApexCharts writes legend and tooltip labels as HTML, and labels carry names attackers choose
// (a network's organisation, PTR text): every label is handed over as escaped text.
function textLabels(options) {
  const tooltip = options.tooltip ?? {};
  const datetime = options.xaxis?.type === 'datetime';
  return {
    ...options,
    legend: { ...options.legend, formatter: (name) => text(name) },
    tooltip: {
      ...tooltip,
      // A time axis keeps ApexCharts' date format (dates are no one's text).
      x: datetime ? tooltip.x : { ...tooltip.x, formatter: (value) => text(value) },
      y: { ...tooltip.y, title: { formatter: (name) => text(name) } },
    },
  };
}

export async function render(element, given) {
  const ApexCharts = await load();
  const options = textLabels(given);
  const existing = charts.get(element);
  if (existing) {
    await existing.updateOptions(options, true, true);
    return;
  }
  const chart = new ApexCharts(element, options);
  charts.set(element, chart);
  await chart.render();
  element.dataset.rendered = 'true';
}

export function destroy(element) {
  charts.get(element)?.destroy();
  charts.delete(element);
}
