/* Search-as-you-type suggestions: progressive enhancement of the search boxes.
 * Without JavaScript the forms submit normally. With it, every search box
 * (input[type=search][name=q]) gets a <datalist> filled from the suggestions
 * endpoint as the resident types. No inline scripts (CSP). */
(function () {
  "use strict";
  var page = document.getElementById("search-page");
  var url = (page && page.getAttribute("data-suggest-url")) || "/szukaj/podpowiedzi/";
  var inputs = document.querySelectorAll('input[type="search"][name="q"]');
  if (!inputs.length || !window.fetch) { return; }

  Array.prototype.forEach.call(inputs, function (input, index) {
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + index;
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var lastAsked = "";
    var controller = null;

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var value = input.value.trim();
        if (value.length < 2 || value === lastAsked) { return; }
        lastAsked = value;
        if (controller && controller.abort) { controller.abort(); }
        controller = window.AbortController ? new AbortController() : null;
        window.fetch(url + "?q=" + encodeURIComponent(value), {
          headers: { "Accept": "application/json" },
          credentials: "same-origin",
          signal: controller ? controller.signal : undefined
        }).then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        }).then(function (data) {
          while (list.firstChild) { list.removeChild(list.firstChild); }
          (data.suggestions || []).forEach(function (title) {
            var option = document.createElement("option");
            option.value = title;
            list.appendChild(option);
          });
        }).catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  });
})();
