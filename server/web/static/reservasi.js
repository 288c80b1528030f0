// The booking page's one behaviour: "Cetak / simpan" opens the browser's print dialog
// (which also saves as PDF). Without script the page is still readable and printable.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
