// Progressive enhancement for the consultation page: when the address points at a
// clause's comment or a comment inside a closed <details>, open it and scroll to it.
// Without JavaScript the comments stay reachable by opening the <details> by hand.
(function () {
  "use strict";
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var node = target.parentElement;
    var opened = false;
    while (node) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
      node = node.parentElement;
    }
    if (target.tagName === "DETAILS" && !target.open) {
      target.open = true;
      opened = true;
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
