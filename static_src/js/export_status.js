/* Progress of a background report export, updated in place.

   Replaces a <meta http-equiv="refresh"> (a timed reload is a WCAG 2.2.1 failure:
   it moves focus and re-reads the page to screen-reader users). Without
   JavaScript the page offers a "Refresh now" link instead. The status sentence
   is updated inside the existing role="status" region so that it is announced. */
(function () {
  "use strict";
  var box = document.getElementById("export-status");
  if (!box || !window.fetch || !window.DOMParser) return;
  var RUNNING = ["queued", "running"];
  var INTERVAL = 3000;

  function update(fresh) {
    var status = box.querySelector("[role=status]");
    var freshStatus = fresh.querySelector("[role=status]");
    Array.prototype.slice.call(box.children).forEach(function (child) {
      if (child !== status) box.removeChild(child);
    });
    Array.prototype.slice.call(fresh.children).forEach(function (child) {
      if (child.getAttribute("role") !== "status") box.appendChild(document.importNode(child, true));
    });
    if (status && freshStatus) status.textContent = freshStatus.textContent;
    box.setAttribute("data-status", fresh.getAttribute("data-status"));
    box.setAttribute("data-progress", fresh.getAttribute("data-progress"));
  }

  function poll() {
    if (RUNNING.indexOf(box.getAttribute("data-status")) === -1) return;
    window.setTimeout(function () {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("export-status");
          if (fresh) update(fresh);
          poll();
        })
        .catch(function () { /* the "Refresh now" link still works */ });
    }, INTERVAL);
  }

  poll();
})();
