// The demo's language buttons set `lang` around the widgets; the widgets follow it on their own.
// (The page's own text stays Indonesian, so <html lang> stays "id".)
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    for (const target of document.querySelectorAll('[data-widget-lang]')) target.lang = button.dataset.lang;
    for (const other of document.querySelectorAll('[data-lang]')) {
      other.setAttribute('aria-pressed', String(other === button));
    }
  });
}
