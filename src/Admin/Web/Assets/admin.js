// The working group's web page: small helps on top of plain forms that work without this file.
(function () {
    "use strict";

    // A template fills the justification (and its outcome) beside it; the text stays editable.
    document.querySelectorAll("select[data-template-for]").forEach(function (select) {
        select.addEventListener("change", function () {
            var option = select.selectedOptions[0];
            if (!option || !option.dataset.text) { return; }
            var target = document.getElementById(select.dataset.templateFor);
            if (target) { target.value = option.dataset.text; target.focus(); }
            if (option.dataset.outcome && select.dataset.outcomeName) {
                var radio = select.form.querySelector("input[name='" + select.dataset.outcomeName + "'][value='" + option.dataset.outcome + "']");
                if (radio) { radio.checked = true; }
            }
        });
    });

    // "Select all" for the bulk actions, and how many are selected.
    document.querySelectorAll("input[data-select-all]").forEach(function (all) {
        var boxes = function () { return document.querySelectorAll("input[name='" + all.dataset.selectAll + "']"); };
        var count = document.getElementById(all.dataset.count || "");
        var update = function () {
            var n = Array.prototype.filter.call(boxes(), function (b) { return b.checked; }).length;
            if (count) { count.textContent = n === 0 ? "нічого не вибрано" : "вибрано: " + n; }
        };
        all.addEventListener("change", function () {
            boxes().forEach(function (b) { b.checked = all.checked; });
            update();
        });
        boxes().forEach(function (b) { b.addEventListener("change", update); });
        update();
    });

    // Topics of the chosen sphere only.
    document.querySelectorAll("select[data-topics-for]").forEach(function (topics) {
        var sphere = document.getElementById(topics.dataset.topicsFor);
        if (!sphere) { return; }
        var filter = function () {
            Array.prototype.forEach.call(topics.querySelectorAll("option[data-sphere]"), function (o) {
                var show = !sphere.value || o.dataset.sphere === sphere.value;
                o.hidden = !show;
                o.disabled = !show;
                if (!show && o.selected) { topics.value = ""; }
            });
        };
        sphere.addEventListener("change", filter);
        filter();
    });

    // A table wider than the screen says so above it (the hint names what is off to the side).
    var hints = document.querySelectorAll(".scroll-hint");
    var showHints = function () {
        hints.forEach(function (hint) {
            var wrap = hint.nextElementSibling;
            if (wrap) { hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1; }
        });
    };
    if (hints.length > 0) {
        showHints();
        window.addEventListener("resize", showHints);
    }

    // Actions that cannot be undone ask first: a whole form, or one button of a form (the letter's "Надіслати").
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (e) {
            if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
        });
    });
    document.querySelectorAll("button[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (e) {
            if (!window.confirm(button.dataset.confirm)) { e.preventDefault(); }
        });
    });

    // Copy a key shown once.
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var source = document.getElementById(button.dataset.copy);
            if (source && navigator.clipboard) {
                navigator.clipboard.writeText(source.textContent.trim()).then(function () { button.textContent = "Скопійовано"; });
            }
        });
    });
})();
