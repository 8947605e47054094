// A chart library is a classic script in vendor/ that sets one global. Each is added to the page when the
// first chart that needs it is drawn, once, so a page's heading, figures and tables are on screen first.
const loading = new Map();

/** Resolves to window[global] once vendor script src has run; the same promise for every later chart. */
export function loadScript(src, global) {
  if (!loading.has(src)) {
    // index.html preloads uPlot, so its script is usually in the cache already and only runs here.
    loading.set(src, window[global] ? Promise.resolve(window[global]) : new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.addEventListener('load', () => resolve(window[global]));
      script.addEventListener('error', () => reject(new Error(`the chart library (${src}) did not load`)));
      document.head.append(script);
    }));
  }
  return loading.get(src);
}
