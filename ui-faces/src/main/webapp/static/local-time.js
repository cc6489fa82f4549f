// Shows every <time datetime="..."> in the visitor's own time zone (the server renders UTC, and
// says so, for browsers without JavaScript).
document.addEventListener("DOMContentLoaded", function () {
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  document.querySelectorAll("time[datetime]").forEach(function (element) {
    var instant = new Date(element.getAttribute("datetime"));
    if (!isNaN(instant)) {
      element.textContent = format.format(instant);
    }
  });
});

// Names the visitor's time zone in the selling form, so the event's start is read in it.
document.addEventListener("DOMContentLoaded", function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("input[data-time-zone]").forEach(function (input) {
    if (zone) {
      input.value = zone;
    }
  });
  document.querySelectorAll("[data-time-zone-name]").forEach(function (element) {
    if (zone) {
      element.textContent = zone;
    }
  });
});
