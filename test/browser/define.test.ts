import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/internal/define.js';
import { captureWarnings } from './helpers.js';

describe('guarded registration', () => {
  it('defines once; a second copy neither throws nor redefines, and a different version warns once', () => {
    class First extends HTMLElement {
      static version = '1.0.0';
    }
    class SameVersion extends HTMLElement {
      static version = '1.0.0';
    }
    class Newer extends HTMLElement {
      static version = '2.0.0';
    }
    const warnings = captureWarnings();
    try {
      defineElement('lindungi-guard-test', First);
      expect(() => defineElement('lindungi-guard-test', SameVersion)).not.to.throw();
      expect(warnings.messages).to.have.length(0);
      defineElement('lindungi-guard-test', Newer);
      defineElement('lindungi-guard-test', Newer);
      expect(customElements.get('lindungi-guard-test')).to.equal(First);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('1.0.0').and.contain('2.0.0');
    } finally {
      warnings.restore();
    }
  });
});
