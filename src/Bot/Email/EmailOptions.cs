using Hromada.Core.Conversation;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hromada.Bot.Email;

/// <summary>
/// The SMTP server e-mails leave through (section <c>Hromada:Email</c>): decision notices to authors who gave an
/// address, receipts, letters to groups. The channel is off without a host.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Hromada:Email";

    /// <summary>The SMTP server's host name; empty turns e-mail off.</summary>
    public string Host { get; set; } = "";

    /// <summary>587 for submission with STARTTLS, 465 for TLS from the start.</summary>
    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: StartTls, SslOnConnect, StartTlsWhenAvailable, Auto or None.</summary>
    public SecureSocketOptions TlsMode { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The account to sign in with; empty sends without signing in (a relay that trusts this server).</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender's address, e.g. <c>hromada@zelenodil.gov.ua</c>.</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>The sender's name shown to recipients; empty = the hromada's name.</summary>
    public string FromName { get; set; } = "";

    /// <summary>E-mails a minute in all (the mail provider's sending limit).</summary>
    public int PerMinute { get; set; } = 60;

    /// <summary>How long one SMTP conversation may take before it counts as a failed attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}

internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var section = EmailOptions.Section;
        if (Uri.CheckHostName(options.Host.Trim()) == UriHostNameType.Unknown)
        {
            failures.Add($"{section}:Host: '{options.Host}' is not a host name or address.");
        }
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{section}:Port must be between 1 and 65535.");
        }
        if (!Enum.IsDefined(options.TlsMode))
        {
            failures.Add($"{section}:TlsMode must be one of StartTls, SslOnConnect, StartTlsWhenAvailable, Auto, None.");
        }
        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add($"{section}:FromAddress is required when Host is set (the address e-mails are sent from).");
        }
        else if (ContactParser.NormaliseEmail(options.FromAddress) is null || !MailboxAddress.TryParse(options.FromAddress.Trim(), out _))
        {
            failures.Add($"{section}:FromAddress: '{options.FromAddress}' is not an e-mail address.");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{section}:UserName and {section}:Password go together: set both, or neither for a relay that needs no sign-in.");
        }
        if (!string.IsNullOrEmpty(options.UserName) && options.TlsMode == SecureSocketOptions.None && !IsLoopback(options.Host))
        {
            failures.Add($"{section}:TlsMode None would send the password unencrypted to {options.Host}; use StartTls or SslOnConnect.");
        }
        if (options.PerMinute is < 1 or > 10_000)
        {
            failures.Add($"{section}:PerMinute must be between 1 and 10000.");
        }
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:Timeout must be between 00:00:01 and 00:05:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Trim() is "localhost" or "127.0.0.1" or "::1" or "[::1]";
}
