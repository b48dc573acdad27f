(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var query = (location.search + "&" + location.hash).replace(/^[?#]/, "");
  if (/(^|[?&#])plain(=1|=true)?(&|$)/.test(query)) root.classList.add("tc-plain");
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

  function place(mark) {
    tip.hidden = false;
    var fr = fig.getBoundingClientRect(), mr = mark.getBoundingClientRect();
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var left = mr.left + mr.width / 2 - fr.left - tw / 2;
    left = Math.max(4, Math.min(left, fr.width - tw - 4));
    var top = mr.top - fr.top - th - 8;
    if (top < 0) top = mr.bottom - fr.top + 8;
    if (top + th > fr.height) top = Math.max(0, Math.min(mr.top - fr.top - th - 8, fr.height - th));
    tip.style.left = left + "px";
    tip.style.top = top + "px";
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
