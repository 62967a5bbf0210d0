using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.Tests.Security;

public sealed class BodyLimitTests
{
    private const int DefaultLimit = 256 * 1024;

    [Fact]
    public async Task WebChat_AChunkedBodyOverTheLimit_IsRefusedWith413_WithoutBeingReadWhole()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();
        await using var endless = new EndlessJsonStream(64 * 1024 * 1024);

        // Straight into the server, as Kestrel hands over a chunked body: no Content-Length, read as it arrives.
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/webchat/messages";
            c.Request.Headers["X-Chat-Session"] = chat.Token;
            c.Request.ContentType = "application/json";
            c.Request.Headers.TransferEncoding = "chunked";
            c.Request.Body = endless;
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new Peer.HasBody());
        });

        Assert.Equal(413, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        // No Accept-Language: the API's default language, Ukrainian.
        Assert.Contains("Тіло запиту завелике", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
        // Cut off at the limit: the other 63.75 MB the client offered were never read, let alone held in memory.
        Assert.Equal(DefaultLimit + 1, endless.Served);
    }

    [Fact]
    public async Task WebChat_ADeclaredLengthOverTheLimit_IsRefusedBeforeAnyByteIsRead()
    {
        await using var app = new HromadaAppFactory();
        await using var endless = new EndlessJsonStream(28 * 1024 * 1024);

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/webchat/sessions";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = 28 * 1024 * 1024;
            c.Request.Body = endless;
        });

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal(0, endless.Served);
    }

    [Fact]
    public async Task ManualIntake_ATwoMillionCharacterText_IsRefusedWith413()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals", new { channel = "Paper", text = new string('а', 2_097_152) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request body is too large", (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Title);
    }

    [Fact]
    public async Task GoogleFormsImport_AChunked26MBBody_IsRefusedWith413_AtTheImportsOwnLimit()
    {
        await using var app = new HromadaAppFactory();
        await using var endless = new EndlessJsonStream(26 * 1024 * 1024);

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/admin/imports/google-forms";
            c.Request.QueryString = new QueryString("?dryRun=true");
            c.Request.Headers.Authorization = $"Bearer {HromadaAppFactory.TestAdminKey}";
            c.Request.ContentType = "text/csv";
            c.Request.Headers.TransferEncoding = "chunked";
            c.Request.Body = endless;
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new Peer.HasBody());
        });

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal(20 * 1024 * 1024 + 1, endless.Served);
    }

    [Fact]
    public async Task GoogleFormsImport_AFileOverTheGlobalLimit_IsStillImported()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var csv = new StringBuilder("\"Позначка часу\",\"Категорія автора\",\"Сфера\",\"Ваша пропозиція\"\n");
        for (var i = 0; Encoding.UTF8.GetByteCount(csv.ToString()) < 2 * DefaultLimit; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"20.11.2026 14:03:15\",\"Фізична особа\",\"Економіка та фінанси\",\"Облаштувати ринок з навісами, пропозиція {i}\"\n");
        }

        var response = await client.PostAsync(new Uri("/api/admin/imports/google-forms?dryRun=true", UriKind.Relative),
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A body of <c>length</c> bytes made on demand (a JSON string that never closes), counting what was read.</summary>
    private sealed class EndlessJsonStream(long length) : Stream
    {
        private long _served;

        public long Served => Interlocked.Read(ref _served);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - Served);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (Served + i) switch { 0 => (byte)'{', 1 => (byte)'"', _ => (byte)'a' };
            }
            Interlocked.Add(ref _served, n);
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
