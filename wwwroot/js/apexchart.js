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

export async function render(element, options) {
  const ApexCharts = await load();
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
