using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuthorCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Asks = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BusinessKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OpensAt = table.Column<string>(type: "TEXT", nullable: false),
                    Deadline = table.Column<string>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChannelUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentAt = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IsSubscribed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubscribedAt = table.Column<string>(type: "TEXT", nullable: true),
                    IsBlocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastInboundAt = table.Column<string>(type: "TEXT", nullable: true),
                    RateWindowStart = table.Column<string>(type: "TEXT", nullable: true),
                    RateWindowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RateNoticeSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConversationStep = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ConversationData = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SphereCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Spheres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Spheres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StarostaDistricts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StarostaDistricts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousDeadline = table.Column<string>(type: "TEXT", nullable: false),
                    NewDeadline = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtocolDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationExtensions_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboundNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<string>(type: "TEXT", nullable: true),
                    HeldReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundNotices_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewBodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<string>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_ReviewBodies_ReviewBodyId",
                        column: x => x.ReviewBodyId,
                        principalTable: "ReviewBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SphereId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Topics_Spheres_SphereId",
                        column: x => x.SphereId,
                        principalTable: "Spheres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, collation: "NOCASE"),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Settlements_StarostaDistricts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "StarostaDistricts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorCategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessKindId = table.Column<int>(type: "INTEGER", nullable: true),
                    SettlementId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnlistedSettlement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SphereId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalSphereId = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalTopicId = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalSettlementId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AuthorPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ConsentAt = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AnonymisedAt = table.Column<string>(type: "TEXT", nullable: true),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsUnidentified = table.Column<bool>(type: "INTEGER", nullable: false),
                    DuplicateOfReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IsOffTopic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProtocolDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 20500, nullable: false),
                    ExternalKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_AuthorCategories_AuthorCategoryId",
                        column: x => x.AuthorCategoryId,
                        principalTable: "AuthorCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_BusinessKinds_BusinessKindId",
                        column: x => x.BusinessKindId,
                        principalTable: "BusinessKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Spheres_SphereId",
                        column: x => x.SphereId,
                        principalTable: "Spheres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRoutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewBodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RoutedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RoutedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PositionJustification = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    PositionAt = table.Column<string>(type: "TEXT", nullable: true),
                    PositionBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalRoutes_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalRoutes_ReviewBodies_ReviewBodyId",
                        column: x => x.ReviewBodyId,
                        principalTable: "ReviewBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSocialGroups",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialGroupsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSocialGroups", x => new { x.ProposalId, x.SocialGroupsId });
                    table.ForeignKey(
                        name: "FK_ProposalSocialGroups_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalSocialGroups_SocialGroups_SocialGroupsId",
                        column: x => x.SocialGroupsId,
                        principalTable: "SocialGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_ReviewBodyId",
                table: "ApiKeys",
                column: "ReviewBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorCategories_Code",
                table: "AuthorCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessKinds_Code",
                table: "BusinessKinds",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationExtensions_ConsultationId",
                table: "ConsultationExtensions",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Channel_ExternalId",
                table: "InboxItems",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_ProcessedAt",
                table: "InboxItems",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundNotices_ResidentId_DeliveredAt",
                table: "OutboundNotices",
                columns: new[] { "ResidentId", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedMessages_Channel_MessageId",
                table: "ProcessedMessages",
                columns: new[] { "Channel", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedMessages_ProcessedAt",
                table: "ProcessedMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRoutes_DueDate",
                table: "ProposalRoutes",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRoutes_ProposalId_ReviewBodyId",
                table: "ProposalRoutes",
                columns: new[] { "ProposalId", "ReviewBodyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRoutes_ReviewBodyId",
                table: "ProposalRoutes",
                column: "ReviewBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AuthorCategoryId",
                table: "Proposals",
                column: "AuthorCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_BusinessKindId",
                table: "Proposals",
                column: "BusinessKindId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ConsultationId",
                table: "Proposals",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ExternalKey",
                table: "Proposals",
                column: "ExternalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ReceivedAt",
                table: "Proposals",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Reference",
                table: "Proposals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ResidentId",
                table: "Proposals",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SettlementId",
                table: "Proposals",
                column: "SettlementId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SphereId",
                table: "Proposals",
                column: "SphereId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status",
                table: "Proposals",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TopicId",
                table: "Proposals",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSocialGroups_SocialGroupsId",
                table: "ProposalSocialGroups",
                column: "SocialGroupsId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Channel_ChannelUserId",
                table: "Residents",
                columns: new[] { "Channel", "ChannelUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewBodies_Code",
                table: "ReviewBodies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_Code",
                table: "Settlements",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_DistrictId",
                table: "Settlements",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialGroups_Code",
                table: "SocialGroups",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Spheres_Code",
                table: "Spheres",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StarostaDistricts_Code",
                table: "StarostaDistricts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Topics_SphereId_Code",
                table: "Topics",
                columns: new[] { "SphereId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ConsultationExtensions");

            migrationBuilder.DropTable(
                name: "InboxItems");

            migrationBuilder.DropTable(
                name: "OutboundNotices");

            migrationBuilder.DropTable(
                name: "ProcessedMessages");

            migrationBuilder.DropTable(
                name: "ProposalRoutes");

            migrationBuilder.DropTable(
                name: "ProposalSocialGroups");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "ReviewBodies");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "SocialGroups");

            migrationBuilder.DropTable(
                name: "AuthorCategories");

            migrationBuilder.DropTable(
                name: "BusinessKinds");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "Residents");

            migrationBuilder.DropTable(
                name: "Settlements");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "StarostaDistricts");

            migrationBuilder.DropTable(
                name: "Spheres");
        }
    }
}
