namespace Hromada.Admin.Web.Consultations;

/// <summary>A consultation's title and period as the form holds them: local date-times of the hromada.</summary>
public sealed class ConsultationForm
{
    public string? Title { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? Deadline { get; set; }
    public int? Version { get; set; }
}

/// <summary>An extension: the new deadline (local), the reason and the protocol that decided it.</summary>
public sealed class ExtendForm
{
    public DateTime? NewDeadline { get; set; }
    public string? Reason { get; set; }
    public string? ProtocolNumber { get; set; }
    public DateOnly? ProtocolDate { get; set; }
    public int? Version { get; set; }
}
