package dev.leaktrace.analyser.output;

/**
 * The report's only script, inline: lays each flame graph out at the page's width, zooms into the
 * box clicked (its ancestors span the width, everything beside it hides; the root or "Reset zoom"
 * zooms out) and highlights the frames whose name contains the search text, with their share of
 * the leaked bytes. Plain DOM code, no library, no network.
 */
final class FlameGraphScript {
    static final String SCRIPT = """
            <script>
            (function () {
              var CHAR = 6.6, MATCH = '#e040fb';
              function fit(label, width) {
                var chars = Math.floor((width - 6) / CHAR);
                if (chars < 3) return '';
                return label.length <= chars ? label : label.substring(0, chars - 1) + '\\u2026';
              }
              function setUp(svg) {
                var tools = svg.previousElementSibling, boxes = Array.prototype.slice.call(svg.querySelectorAll('g'));
                var full = parseFloat(svg.getAttribute('data-width')), zoom = null;
                boxes.forEach(function (g) { g.rect = g.querySelector('rect'); g.label = g.querySelector('text');
                  g.fill = g.rect.getAttribute('fill'); g.x = parseFloat(g.dataset.x); g.w = parseFloat(g.dataset.w);
                  g.row = parseInt(g.dataset.row, 10); });
                function layout() {
                  var width = svg.clientWidth || full, x0 = zoom ? zoom.x : 0, w0 = zoom ? zoom.w : full, row0 = zoom ? zoom.row : 0;
                  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + svg.getAttribute('data-height'));
                  boxes.forEach(function (g) {
                    var inside = g.row >= row0 && g.x >= x0 - 0.01 && g.x + g.w <= x0 + w0 + 0.01;
                    var above = g.row < row0 && g.x <= x0 + 0.01 && g.x + g.w >= x0 + w0 - 0.01;
                    if (!inside && !above) { g.style.display = 'none'; return; }
                    g.style.display = '';
                    var x = above ? 0 : (g.x - x0) / w0 * width, w = above ? width : g.w / w0 * width;
                    g.rect.setAttribute('x', x.toFixed(2)); g.rect.setAttribute('width', w.toFixed(2));
                    g.label.setAttribute('x', (x + 3).toFixed(2)); g.label.textContent = fit(g.dataset.label, w);
                  });
                }
                svg.addEventListener('click', function (event) {
                  var g = event.target.closest('g');
                  if (!g) return;
                  zoom = g.row === 0 ? null : g;
                  layout();
                });
                tools.querySelector('button').addEventListener('click', function () { zoom = null; layout(); });
                tools.querySelector('input').addEventListener('input', function (event) {
                  var text = event.target.value.toLowerCase(), bytes = 0, count = 0, counted = [];
                  boxes.forEach(function (g) {
                    var hit = text !== '' && g.row > 0 && g.dataset.name.toLowerCase().indexOf(text) >= 0;
                    g.rect.setAttribute('fill', hit ? MATCH : g.fill);
                    if (!hit) return;
                    count++;
                    var nested = counted.some(function (a) { return a.row < g.row && a.x <= g.x + 0.01 && a.x + a.w >= g.x + g.w - 0.01; });
                    if (!nested) { counted.push(g); bytes += parseFloat(g.dataset.bytes); }
                  });
                  var total = parseFloat(boxes[0].dataset.bytes);
                  tools.querySelector('.flame-match').textContent = text === '' ? '' : count + (count === 1 ? ' frame matches, ' : ' frames match, ')
                      + (100 * bytes / total).toFixed(1) + '% of the leaked bytes';
                });
                window.addEventListener('resize', layout);
                layout();
              }
              Array.prototype.forEach.call(document.querySelectorAll('svg.flame'), setUp);
            })();
            </script>
            """;

    private FlameGraphScript() {
    }
}
