// Contact requests: proposed meeting times and message times in the reader's own time zone, and the contact form's
// time zone set to the reader's. Without script the page shows each time in the proposer's zone and in UTC.
(function () {
    "use strict";
    var lang = document.documentElement.lang || undefined;
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = undefined; }
    var format = new Intl.DateTimeFormat(lang, { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    document.querySelectorAll("time[data-local-time]").forEach(function (element) {
        var moment = new Date(element.getAttribute("datetime"));
        if (!isNaN(moment.getTime())) {
            element.title = element.textContent;
            element.textContent = format.format(moment);
        }
    });
    var select = document.querySelector("select[data-default-zone]");
    if (select && zone) {
        for (var i = 0; i < select.options.length; i++) {
            if (select.options[i].value === zone || select.options[i].text === zone) {
                select.selectedIndex = i;
                break;
            }
        }
    }
})();
