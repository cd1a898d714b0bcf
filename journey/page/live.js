"use strict";
// The live view: every "page" event of /events carries the page's new content, swapped in
// without a reload; the picture's zoom and scroll positions are kept across swaps.
(function () {
  var content = document.getElementById("content");
  var stream = new EventSource("/events?v=" + encodeURIComponent(content.dataset.version));
  stream.addEventListener("page", function (e) {
    var m = JSON.parse(e.data);
    var zoom = document.getElementById("whole-map");
    var frame = document.querySelector(".frame");
    var kept = {
      zoom: zoom && zoom.checked,
      left: frame ? frame.scrollLeft : 0,
      top: frame ? frame.scrollTop : 0
    };
    document.documentElement.lang = m.lang;
    document.title = m.title;
    content.innerHTML = m.html;
    content.dataset.version = e.lastEventId;
    zoom = document.getElementById("whole-map");
    frame = document.querySelector(".frame");
    if (zoom) { zoom.checked = kept.zoom; }
    if (frame) { frame.scrollLeft = kept.left; frame.scrollTop = kept.top; }
  });
  stream.addEventListener("open", function () { document.body.classList.remove("lost"); });
  stream.addEventListener("error", function () { document.body.classList.add("lost"); });
}());
