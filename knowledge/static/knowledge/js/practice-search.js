/* Progressive enhancement of the practice search: the page works fully without it.
   Changing a filter fetches the results in place and the polite live region announces the
   new count; the address bar keeps a shareable URL. */
(function () {
  "use strict";
  var form = document.querySelector("[data-practice-search]");
  if (!form || !window.fetch || !window.DOMParser) { return; }

  function update(url) {
    fetch(url, { headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-practice-search]");
        if (!fresh) { window.location.href = url; return; }
        var facets = form.querySelector(".practice-facets");
        var freshFacets = fresh.querySelector(".practice-facets");
        var active = document.activeElement && document.activeElement.id;
        // Counts next to the checkboxes change; the checkboxes themselves keep focus.
        if (facets && freshFacets) { facets.innerHTML = freshFacets.innerHTML; }
        var results = form.querySelector("#practice-results");
        var freshResults = fresh.querySelector("#practice-results");
        var live = document.getElementById("practice-result-count");
        var freshLive = freshResults.querySelector("#practice-result-count");
        // Copies first: the children collections are live and change while nodes move.
        Array.from(results.children).forEach(function (child) {
          if (child !== live) { child.remove(); }
        });
        Array.from(freshResults.children).forEach(function (child) {
          if (child.id !== "practice-result-count") { results.appendChild(document.adoptNode(child)); }
        });
        live.innerHTML = freshLive.innerHTML;
        window.history.replaceState(null, "", url);
        if (active) {
          var again = document.getElementById(active);
          if (again) { again.focus(); }
        }
      })
      .catch(function () { window.location.href = url; });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type !== "checkbox" && event.target.type !== "radio") { return; }
    var params = new URLSearchParams(new FormData(form));
    params.delete("page");
    update(form.action.split("?")[0] + "?" + params.toString());
  });
})();
