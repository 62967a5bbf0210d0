using System.IO.Compression;

namespace Hromada.Admin.Exports;

/// <summary>
/// Writes an Open XML package whose big parts are streamed. The Open XML SDK keeps every part it writes in memory until
/// the package is closed (its zip is opened for update), so a workbook of 100,000 rows would take hundreds of
/// megabytes. Instead the SDK builds a small skeleton — every part, relationship and content type, with the big parts
/// empty — and this class copies that skeleton into a zip opened for writing only, streaming the big parts in its place
/// one after another, so memory stays flat however many rows there are.
/// </summary>
internal sealed class OpenXmlStreaming : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Queue<string> _streamed;
    private Stream? _current;

    /// <param name="output">Where the package goes; it need not be seekable.</param>
    /// <param name="skeleton">The package as built by the SDK.</param>
    /// <param name="streamedParts">The zip entry names of the parts to be streamed, in the order they will be written.</param>
    public OpenXmlStreaming(Stream output, MemoryStream skeleton, IReadOnlyList<string> streamedParts)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _streamed = new Queue<string>(streamedParts);
        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read);
        foreach (var entry in source.Entries)
        {
            if (streamedParts.Contains(entry.FullName))
            {
                continue;
            }
            using var from = entry.Open();
            using var to = _zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Closes the part being written, if any, and opens the next streamed part.</summary>
    public Stream NextPart()
    {
        _current?.Dispose();
        _current = _zip.CreateEntry(_streamed.Dequeue(), CompressionLevel.Fastest).Open();
        return _current;
    }

    /// <summary>Closes the last part and writes the zip's directory.</summary>
    public void Complete()
    {
        if (_streamed.Count > 0)
        {
            throw new InvalidOperationException($"The part {_streamed.Peek()} was never written.");
        }
        _current?.Dispose();
        _current = null;
        _zip.Dispose();
    }

    /// <summary>After a failure: lets go of everything without writing more (the output is unusable and must be discarded).</summary>
    public void Dispose()
    {
        try
        {
            _current?.Dispose();
            _zip.Dispose();
        }
#pragma warning disable CA1031 // A second error while abandoning a broken package must not hide the first one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>The zip entry name of a part (its URI without the leading slash).</summary>
    public static string EntryName(DocumentFormat.OpenXml.Packaging.OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');
}
