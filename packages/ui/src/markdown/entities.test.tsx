import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decodeHTMLStrict } from './entities.ts';
import { Markdown } from './markdown.tsx';

describe('Named character references', () => {
  it('renders the HTML5 names as characters, numeric ones too, and leaves unknown names as written', () => {
    render(
      <Markdown>
        {
          'a &copy; &AElig; &HilbertSpace; &ClockwiseContourIntegral; &frac34; &#35; &#x22; b\n\n&madeup; &notit; &amp;lt; &copy'
        }
      </Markdown>,
    );
    expect(screen.getByText('a © Æ ℋ ∲ ¾ # " b')).toBeInTheDocument();
    expect(screen.getByText('&madeup; &notit; &lt; &copy')).toBeInTheDocument();
  });

  it('decodes references in link destinations and titles too', () => {
    render(<Markdown>{'[x](https://example.com/?a=1&amp;b=2 "T&eacute;st")'}</Markdown>);
    const link = screen.getByRole('link', { name: /x/ });
    expect(link).toHaveAttribute('href', 'https://example.com/?a=1&b=2');
    expect(link).toHaveAttribute('title', 'Tést');
  });

  it('decodes only a reference, never markup', () => {
    expect(decodeHTMLStrict('&lt;')).toBe('<');
    expect(decodeHTMLStrict('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(decodeHTMLStrict('&lt;<b>')).toBe('&lt;<b>');
  });
});
