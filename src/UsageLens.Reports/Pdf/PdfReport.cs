using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace UsageLens.Reports.Pdf;

/// <summary>
/// A report laid out top to bottom on A4 pages with PdfPig's document builder: headings, lines of text, tables and
/// horizontal bar charts, starting a new page when one is full. Text is written in Helvetica (a standard PDF font, so
/// nothing is embedded); characters it cannot show are written as their nearest plain form.
/// </summary>
internal sealed class PdfReport : IDisposable
{
    private const double Margin = 40;
    private const double LineHeight = 14;
    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private PdfPageBuilder _page;
    private double _y;

    public PdfReport(string title, string subtitle)
    {
        _regular = _builder.AddStandard14Font(Standard14Font.Helvetica);
        _bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
        _page = NewPage();
        Write(title, 18, _bold);
        Write(subtitle, 10, _regular);
        _y -= LineHeight / 2;
    }

    private double Width => _page.PageSize.Width - (2 * Margin);

    public void Heading(string text)
    {
        Room(LineHeight * 4);
        _y -= LineHeight / 2;
        Write(text, 13, _bold);
    }

    public void Line(string text) => Write(text, 10, _regular);

    /// <summary>A table with a bold header row; columns share the width in proportion to <paramref name="widths"/>.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<double> widths)
    {
        var total = widths.Sum();
        var x = widths.Select((w, i) => Margin + (Width * widths.Take(i).Sum() / total)).ToList();
        var chars = widths.Select(w => (int)(Width * w / total / 5.2)).ToList();
        Row(headers, x, chars, _bold);
        _page.DrawLine(new PdfPoint(Margin, _y + 10), new PdfPoint(Margin + Width, _y + 10), 0.5);
        foreach (var row in rows)
        {
            Row(row, x, chars, _regular);
        }
    }

    /// <summary>A horizontal bar per label, scaled to the largest value, with the value written after the bar.</summary>
    public void BarChart(IReadOnlyList<(string Label, double Value)> bars)
    {
        var largest = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        foreach (var (label, value) in bars)
        {
            Room(LineHeight);
            var length = largest <= 0 ? 0 : (Width * 0.55) * value / largest;
            _page.AddText(Plain(Clip(label, 22)), 9, new PdfPoint(Margin, _y), _regular);
            _page.SetTextAndFillColor(46, 108, 180);
            _page.DrawRectangle(new PdfPoint(Margin + (Width * 0.3), _y - 2), Math.Max(length, 0.5), 10, 0, fill: true);
            _page.ResetColor();
            _page.AddText(Number(value), 9, new PdfPoint(Margin + (Width * 0.3) + length + 4, _y), _regular);
            _y -= LineHeight;
        }
    }

    public byte[] Build() => _builder.Build();

    public void Dispose() => _builder.Dispose();

    /// <summary>A figure as the reports write it: up to 2 decimals, no thousands separator; "-" when unknown.</summary>
    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";

    private void Row(IReadOnlyList<string?> cells, List<double> x, List<int> chars, PdfDocumentBuilder.AddedFont font)
    {
        Room(LineHeight);
        for (var i = 0; i < cells.Count && i < x.Count; i++)
        {
            _page.AddText(Plain(Clip(cells[i] ?? "-", chars[i])), 9, new PdfPoint(x[i], _y), font);
        }
        _y -= LineHeight;
    }

    private void Write(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        // Long text wraps at word boundaries to the page width (Helvetica averages about half its size per character).
        var perLine = (int)(Width / (size * 0.5));
        foreach (var line in Wrap(Plain(text), perLine))
        {
            Room(size + 4);
            _page.AddText(line, size, new PdfPoint(Margin, _y), font);
            _y -= size + 4;
        }
    }

    private void Room(double height)
    {
        if (_y - height < Margin)
        {
            _page = NewPage();
        }
    }

    private PdfPageBuilder NewPage()
    {
        var page = _builder.AddPage(PageSize.A4);
        _y = page.PageSize.Height - Margin - 10;
        return page;
    }

    private static IEnumerable<string> Wrap(string text, int perLine)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > perLine)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Clip(string text, int chars) => text.Length <= chars ? text : string.Concat(text.AsSpan(0, Math.Max(1, chars - 3)), "...");

    // Helvetica's encoding holds printable ASCII and Latin-1; the rest is written in its nearest plain form.
    private static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            plain.Append(c switch
            {
                >= ' ' and <= '~' => c.ToString(),
                >= '\u00A0' and <= '\u00FF' => c.ToString(),
                '–' or '—' or '−' => "-",
                '≥' => ">=",
                '≤' => "<=",
                '→' => "->",
                '…' => "...",
                '‘' or '’' => "'",
                '“' or '”' => "\"",
                _ => "?",
            });
        }
        return plain.ToString();
    }
}
