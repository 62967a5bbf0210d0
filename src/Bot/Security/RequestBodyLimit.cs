using System.Globalization;
using Hromada.Admin.Commands;
using Hromada.Core.Reports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// The request body limit: <see cref="SecurityOptions.MaxRequestBodyBytes"/>, or the endpoint's own
/// (<see cref="IRequestSizeLimitMetadata"/>, e.g. the Google Forms import's 20 MB). A declared Content-Length over the
/// limit is refused before anything is read; otherwise bytes are counted as they are read, so a chunked body is cut off
/// at the limit instead of being buffered whole. Either way the answer is 413 as ProblemDetails.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxRequestBodyBytes;
        // Kestrel counts too, from the same limit; the stream below makes every server (and the test server) do the same.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, limit);
            return;
        }
        // Minimal API's JSON binding catches the same exception and leaves a bare 413: give it the same explanation.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, limit);
        }
    }

    private Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = ApiLanguage.Pick("The request body is too large", "Тіло запиту завелике"),
                Detail = ApiLanguage.Pick(
                    string.Create(CultureInfo.InvariantCulture, $"At most {limit} bytes are accepted here."),
                    $"Тут приймається щонайбільше {UkrainianCounts.Count(limit, "байт|байти|байтів")}."),
            },
        }).AsTask();
    }
}

/// <summary>A request body that throws 413 once more than <c>limit</c> bytes have been read from it.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    // Each read asks for at most one byte past the limit, so an oversized body is noticed having read limit + 1 bytes.
    private int Allowed(int wanted) => (int)Math.Min(wanted, limit - _read + 1);

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Allowed(count)));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Allowed(buffer.Length)]));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, Allowed(count)), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
