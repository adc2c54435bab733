// «Min profil»: copy the calendar address to the clipboard (the button shows only
// where the browser can copy).
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("calendar-copy");
    var field = document.getElementById("calendar-url");
    var status = document.getElementById("calendar-copy-status");
    if (!navigator.clipboard || !button || !field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = status.dataset.copied;
      }, function () {
        field.select();
      });
    });
  });
})();
