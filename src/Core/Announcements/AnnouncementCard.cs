using System.Text;
using SkiaSharp;

namespace Hromada.Core.Announcements;

/// <summary>What an announcement's card says: the hromada, the headline, the key line under it, and the date.</summary>
public sealed record AnnouncementCardContent(string Hromada, string Headline, string? KeyLine, string Date);

/// <summary>
/// Draws an announcement's picture card: a 1080 × 1080 JPEG, as Instagram's square post wants it. The text is set in
/// DejaVu Sans shipped inside this assembly (never a font of the machine), so the card looks the same everywhere and has
/// every Ukrainian letter and the apostrophe ʼ. The headline shrinks from <see cref="LargestHeadline"/> to
/// <see cref="SmallestHeadline"/> pixels to fit; the key line is cut at a word with «…» when it is long (the caption
/// carries the whole text).
/// </summary>
public static class AnnouncementCard
{
    public const int Size = 1080;
    public const int JpegQuality = 90;
    public const float LargestHeadline = 88;
    public const float SmallestHeadline = 36;

    private const float Margin = 80;
    private const float Width = Size - 2 * Margin;
    private const float HromadaSize = 40;
    private const float KeySize = 38;
    private const float DateSize = 34;
    private const float HeadlineLeading = 1.18f;
    private const float KeyLeading = 1.35f;
    private const float Gap = 40;
    private const int MaxKeyLines = 6;
    private const float AreaTop = 250;
    private const float AreaBottom = Size - Margin - DateSize - 56;

    private static readonly SKColor Background = new(0x0F, 0x3F, 0x7A);
    private static readonly SKColor Accent = new(0xFF, 0xD4, 0x3B);
    private static readonly SKColor Light = new(0xE8, 0xEF, 0xF8);

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));

    /// <summary>Splits an announcement into the card's headline (the title, else the text's first line) and key line (the next paragraph).</summary>
    public static (string Headline, string? KeyLine) Split(string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.Replace("\r", "", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var headline = string.IsNullOrWhiteSpace(title) ? paragraphs.FirstOrDefault() ?? "" : title;
        var rest = string.IsNullOrWhiteSpace(title) ? paragraphs.Skip(1) : paragraphs;
        return (OneLine(headline), rest.FirstOrDefault() is { } key ? OneLine(key) : null);
    }

    /// <summary>True when <paramref name="headline"/> fits the card at the smallest headline size (the key line then gives way).</summary>
    public static bool HeadlineFits(string headline)
    {
        using var font = new SKFont(Bold.Value, SmallestHeadline);
        return Wrap(OneLine(headline), font, Width).Count * SmallestHeadline * HeadlineLeading <= AreaBottom - AreaTop;
    }

    /// <summary>The characters of <paramref name="text"/> the shipped font has no glyph for (an emoji, say); empty when it has all.</summary>
    public static string MissingGlyphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var font = new SKFont(Regular.Value, KeySize);
        var missing = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && !missing.Contains(rune) && font.GetGlyphs(rune.ToString()).Any(g => g == 0))
            {
                missing.Add(rune);
            }
        }
        return string.Concat(missing);
    }

    private static string Drawable(string text)
    {
        var missing = MissingGlyphs(text);
        return missing.Length == 0 ? text : string.Concat(text.EnumerateRunes().Where(r => !missing.Contains(r.ToString(), StringComparison.Ordinal)));
    }

    /// <summary>The card as a JPEG.</summary>
    public static byte[] RenderJpeg(AnnouncementCardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface.");
        // A character the font lacks (an emoji) would be an empty box: the card leaves it out; the caption keeps it.
        var drawable = new AnnouncementCardContent(Drawable(content.Hromada), Drawable(content.Headline),
            content.KeyLine is null ? null : Drawable(content.KeyLine), Drawable(content.Date));
        Draw(surface.Canvas, drawable);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, AnnouncementCardContent content)
    {
        canvas.Clear(Background);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };
        canvas.DrawRect(new SKRect(Margin, Margin, Margin + 140, Margin + 12), paint);

        using var hromadaFont = new SKFont(Bold.Value, HromadaSize) { Subpixel = true };
        var y = Margin + 12 + 30;
        foreach (var line in Truncate(Wrap(OneLine(content.Hromada), hromadaFont, Width), 2, hromadaFont))
        {
            y += HromadaSize * 1.2f;
            canvas.DrawText(line, Margin, y, SKTextAlign.Left, hromadaFont, paint);
        }

        var (headlineSize, headline, key) = Layout(content);
        using var headlineFont = new SKFont(Bold.Value, headlineSize) { Subpixel = true };
        using var keyFont = new SKFont(Regular.Value, KeySize) { Subpixel = true };
        var height = headline.Count * headlineSize * HeadlineLeading + (key.Count == 0 ? 0 : Gap + key.Count * KeySize * KeyLeading);
        y = AreaTop + Math.Max(0, (AreaBottom - AreaTop - height) / 2);
        paint.Color = SKColors.White;
        foreach (var line in headline)
        {
            y += headlineSize * HeadlineLeading;
            canvas.DrawText(line, Margin, y - headlineSize * (HeadlineLeading - 1), SKTextAlign.Left, headlineFont, paint);
        }
        y += Gap;
        paint.Color = Light;
        foreach (var line in key)
        {
            y += KeySize * KeyLeading;
            canvas.DrawText(line, Margin, y - KeySize * (KeyLeading - 1), SKTextAlign.Left, keyFont, paint);
        }

        using var dateFont = new SKFont(Regular.Value, DateSize) { Subpixel = true };
        paint.Color = Accent;
        canvas.DrawRect(new SKRect(Margin, Size - Margin - DateSize - 28, Margin + 60, Size - Margin - DateSize - 24), paint);
        paint.Color = Light;
        canvas.DrawText(content.Date, Margin, Size - Margin, SKTextAlign.Left, dateFont, paint);
    }

    /// <summary>The largest headline size that leaves room for a few lines of the key line, and the lines of both.</summary>
    private static (float Size, IReadOnlyList<string> Headline, IReadOnlyList<string> Key) Layout(AnnouncementCardContent content)
    {
        var area = AreaBottom - AreaTop;
        using var keyFont = new SKFont(Regular.Value, KeySize);
        var keyLines = content.KeyLine is { Length: > 0 } k ? Wrap(OneLine(k), keyFont, Width) : [];
        for (var size = LargestHeadline; ; size -= 4)
        {
            using var font = new SKFont(Bold.Value, size);
            var lines = Wrap(OneLine(content.Headline), font, Width);
            var left = area - lines.Count * size * HeadlineLeading;
            var room = keyLines.Count == 0 ? 0 : (int)Math.Clamp(Math.Floor((left - Gap) / (KeySize * KeyLeading)), 0, MaxKeyLines);
            var last = size - 4 < SmallestHeadline;
            if ((left >= 0 && room >= Math.Min(keyLines.Count, 3)) || last)
            {
                if (left < 0)
                {
                    lines = Truncate(lines, (int)Math.Floor(area / (size * HeadlineLeading)), font);
                }
                return (size, lines, Truncate(keyLines, room, keyFont));
            }
        }
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>, at spaces; a word wider than a line is split.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            line = word;
            while (font.MeasureText(line) > width)
            {
                var fit = Fit(line, font, width);
                lines.Add(line[..fit]);
                line = line[fit..];
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>How many leading characters of <paramref name="text"/> fit <paramref name="width"/> (at least one, never half a surrogate pair).</summary>
    private static int Fit(string text, SKFont font, float width)
    {
        var n = 1;
        while (n < text.Length && font.MeasureText(text[..(n + 1)]) <= width)
        {
            n++;
        }
        return n < text.Length && char.IsHighSurrogate(text[n - 1]) ? Math.Max(1, n - 1) : n;
    }

    /// <summary>The first <paramref name="max"/> lines, the last one ending in «…» when lines were left out.</summary>
    private static List<string> Truncate(List<string> lines, int max, SKFont font)
    {
        if (lines.Count <= max)
        {
            return lines;
        }
        if (max <= 0)
        {
            return [];
        }
        var kept = lines.Take(max).ToList();
        var last = kept[^1];
        while (last.Length > 0 && font.MeasureText(last + "…") > Width)
        {
            last = last[..^1];
        }
        kept[^1] = last.TrimEnd(' ', ',', ';', ':', '—', '-') + "…";
        return kept;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(AnnouncementCard).Assembly.GetManifestResourceStream("Fonts/" + file)
            ?? throw new InvalidOperationException($"The card font {file} is missing from {typeof(AnnouncementCard).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not read the card font {file}.");
    }
}
