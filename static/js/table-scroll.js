// A wide table shows "Scroll the table sideways to see more" only while it is wider than its region:
// the hint comes and goes as the window is resized or a phone is turned.
const OVERFLOWS = "app-table-scroll--overflows";

function markOverflow(scroll) {
  const region = scroll.querySelector(".app-table-wrapper");
  if (!region) return;
  scroll.classList.toggle(OVERFLOWS, region.scrollWidth > region.clientWidth + 1);
}

const scrolls = document.querySelectorAll("[data-module='app-table-scroll']");
scrolls.forEach(markOverflow);
if ("ResizeObserver" in window) {
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => markOverflow(entry.target)));
  scrolls.forEach((scroll) => observer.observe(scroll));
} else {
  window.addEventListener("resize", () => scrolls.forEach(markOverflow));
}
