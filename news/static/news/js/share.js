// "Copy link": copies the address and says so. Without this script the link simply opens it.
document.querySelectorAll("[data-copy-link]").forEach(function (link) {
    var status = link.parentElement.querySelector("[data-copy-status]");
    link.addEventListener("click", function (event) {
        if (!navigator.clipboard) {
            return;
        }
        event.preventDefault();
        navigator.clipboard.writeText(link.href).then(
            function () {
                status.textContent = status.dataset.message;
            },
            function () {
                window.location.href = link.href;
            }
        );
    });
});
