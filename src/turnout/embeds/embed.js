(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var query = (location.search + "&" + location.hash).replace(/^[?#]/, "");
  if (/(^|[?&#])plain(=1|=true)?(&|$)/.test(query)) root.classList.add("tc-plain");
  // A host page that sets the chart's headline as its own (turnout's site) asks for "notitle".
  if (/(^|[?&#])notitle(=1|=true)?(&|$)/.test(query)) root.classList.add("tc-notitle");
  var fig = doc.querySelector(".tc"), tip = doc.getElementById("tc-tip");
  var table = doc.getElementById("tc-table");
  var heads = [];
  if (table && table.tHead) {
    heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent;
    });
  }
  var current = null, pinned = null;

  function add(parent, tag, cls, words) {
    var el = doc.createElement(tag);
    if (cls) el.className = cls;
    if (words) el.textContent = words;
    parent.appendChild(el);
    return el;
  }

  function fill(i) {
    var row = table.tBodies[0].rows[i];
    tip.textContent = "";
    Array.prototype.forEach.call(row.cells, function (cell, j) {
      if (j === 0) { add(tip, "p", "tc-tip-h", cell.textContent); return; }
      if (cell.classList.contains("q")) {
        Array.prototype.forEach.call(cell.querySelectorAll("p"), function (p) {
          add(tip, "p", p.classList.contains("more") ? "tc-tip-more" : "tc-tip-q", p.textContent);
        });
        return;
      }
      var words = cell.textContent.trim();
      if (!words) return;
      var line = add(tip, "p", "", "");
      add(line, "span", "k", heads[j] + ": ");
      line.appendChild(doc.createTextNode(words));
    });
  }

  // Above the mark, else below it, always inside the figure (client coordinates, then
  // made relative to the tooltip's positioned parent).
  function place(mark) {
    tip.hidden = false;
    var fr = fig.getBoundingClientRect(), mr = mark.getBoundingClientRect();
    var pr = tip.offsetParent.getBoundingClientRect();
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var left = Math.max(fr.left + 4, Math.min(mr.left + mr.width / 2 - tw / 2, fr.right - tw - 4));
    var top = mr.top - th - 8;
    if (top < fr.top) top = mr.bottom + 8;
    if (top + th > fr.bottom) top = Math.max(fr.top, Math.min(mr.top - th - 8, fr.bottom - th));
    tip.style.left = left - pr.left + "px";
    tip.style.top = top - pr.top + "px";
  }

  function show(mark) {
    if (current && current !== mark) current.classList.remove("on");
    current = mark;
    mark.classList.add("on");
    fill(+mark.getAttribute("data-i"));
    place(mark);
  }

  function hide() {
    tip.hidden = true;
    if (current) current.classList.remove("on");
    current = pinned = null;
  }

  if (table && tip) {
    Array.prototype.forEach.call(doc.querySelectorAll(".mk"), function (m) {
      m.setAttribute("aria-describedby", "tc-tip");
      m.addEventListener("mouseenter", function () { if (!pinned) show(m); });
      m.addEventListener("mouseleave", function () { if (!pinned) hide(); });
      m.addEventListener("focus", function () { show(m); });
      m.addEventListener("blur", function () { if (current === m) hide(); });
      m.addEventListener("click", function (e) {
        e.stopPropagation();
        if (pinned === m) { hide(); return; }
        show(m);
        pinned = m;
      });
    });
    doc.addEventListener("click", hide);
    doc.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  }

  var last = 0;
  function post() {
    var h = Math.ceil(doc.body.getBoundingClientRect().height);
    if (h === last || window.parent === window) return;
    last = h;
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(post).observe(doc.body);
  window.addEventListener("resize", post);
  window.addEventListener("load", post);
  post();
})();
