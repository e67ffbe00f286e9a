// The review-board report's script (piagraph report), embedded at build time. Sorting is a
// convenience: without the script the tables read the same, in document order.
(function () {
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || !table.tBodies[0]) return;
    Array.prototype.forEach.call(head.cells, function (th, index) {
      th.tabIndex = 0;
      th.title = 'クリックで並べ替え';
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(head.cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = x.cells[index] ? x.cells[index].textContent.trim() : '';
          var b = y.cells[index] ? y.cells[index].textContent.trim() : '';
          var na = parseFloat(a), nb = parseFloat(b);
          var r = (!isNaN(na) && !isNaN(nb)) ? na - nb : a.localeCompare(b, 'ja');
          return ascending ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
    });
  });
})();
// Diagrams: click (or the button) opens the diagram at 100 % in its dialog; a step of the list
// under the pointer or focus highlights its edge. Without script the list and picture still read.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('figure.diagram'), function (figure) {
    var button = figure.querySelector('button.open-full');
    var dialog = button && document.getElementById(button.getAttribute('data-dialog'));
    var svg = figure.querySelector('.picture svg');
    function open() {
      var pan = dialog.querySelector('.pan');
      if (!pan.firstChild) {
        var copy = svg.cloneNode(true);
        copy.style.width = svg.getAttribute('width');
        copy.style.height = svg.getAttribute('height');
        pan.appendChild(copy);
      }
      dialog.showModal();
    }
    if (dialog && svg && dialog.showModal) {
      button.addEventListener('click', open);
      svg.addEventListener('click', open);
    }
    Array.prototype.forEach.call(figure.querySelectorAll('li[data-step]'), function (li) {
      var cls = li.getAttribute('data-step');
      function mark(on) {
        li.classList.toggle('hl', on);
        Array.prototype.forEach.call(figure.querySelectorAll('g.' + cls), function (g) { g.classList.toggle('hl', on); });
      }
      li.addEventListener('mouseenter', function () { mark(true); });
      li.addEventListener('mouseleave', function () { mark(false); });
      li.addEventListener('focus', function () { mark(true); });
      li.addEventListener('blur', function () { mark(false); });
    });
  });
})();
