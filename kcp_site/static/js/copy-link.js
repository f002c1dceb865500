/* "Link to paragraph" links: the link itself goes to the paragraph; where the browser allows,
   a click also copies the paragraph's full address and says so to screen readers. */
(function () {
    "use strict";
    if (!navigator.clipboard || !window.URL) {
        return;
    }
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[data-copy-link]");
        if (!link) {
            return;
        }
        var address = new URL(link.getAttribute("href"), window.location.href).href;
        var status = document.querySelector("[data-copy-link-status]");
        navigator.clipboard.writeText(address).then(function () {
            if (status) {
                status.textContent = "";
                window.setTimeout(function () { status.textContent = "Link copied"; }, 50);
            }
        }, function () { /* copying refused: the link still goes to the paragraph */ });
    });
})();
