using System.Text.Json.Nodes;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>Updates in the shapes of the Bot API reference (Update, Message, CallbackQuery, ChatMemberUpdated).</summary>
public static class TelegramUpdates
{
    private static int _messageId;

    public static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Олена", ["language_code"] = "uk" };

    public static JsonObject PrivateChat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Олена" };

    private static JsonObject Message(long chatId, JsonObject? chat = null) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _messageId),
        ["from"] = User(chatId),
        ["chat"] = chat ?? PrivateChat(chatId),
        ["date"] = 1_793_000_000,
    };

    public static JsonObject Text(int updateId, long chatId, string text)
    {
        var m = Message(chatId);
        m["text"] = text;
        if (text.StartsWith('/'))
        {
            m["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        }
        return new JsonObject { ["update_id"] = updateId, ["message"] = m };
    }

    public static JsonObject Edited(int updateId, long chatId, string text)
    {
        var m = Message(chatId);
        m["text"] = text;
        m["edit_date"] = 1_793_000_100;
        return new JsonObject { ["update_id"] = updateId, ["edited_message"] = m };
    }

    public static JsonObject Photo(int updateId, long chatId)
    {
        var m = Message(chatId);
        m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgAD", ["file_unique_id"] = "AQAD", ["width"] = 90, ["height"] = 90 });
        return new JsonObject { ["update_id"] = updateId, ["message"] = m };
    }

    public static JsonObject Contact(int updateId, long chatId, string phone, long? ownerId)
    {
        var m = Message(chatId);
        var contact = new JsonObject { ["phone_number"] = phone, ["first_name"] = "Олена", ["last_name"] = "Петренко" };
        if (ownerId is { } id)
        {
            contact["user_id"] = id;
        }
        m["contact"] = contact;
        return new JsonObject { ["update_id"] = updateId, ["message"] = m };
    }

    public static JsonObject Callback(int updateId, long chatId, int messageId, string data) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb{updateId}",
            ["from"] = User(chatId),
            ["chat_instance"] = "-1",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Громада" },
                ["chat"] = PrivateChat(chatId),
                ["date"] = 1_793_000_000,
                ["text"] = "…",
            },
        },
    };

    public static JsonObject MyChatMember(int updateId, long chatId, string status) => new()
    {
        ["update_id"] = updateId,
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = PrivateChat(chatId),
            ["from"] = User(chatId),
            ["date"] = 1_793_000_000,
            ["old_chat_member"] = new JsonObject { ["status"] = status == "kicked" ? "member" : "kicked", ["user"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Громада" } },
            ["new_chat_member"] = status == "kicked"
                ? new JsonObject { ["status"] = "kicked", ["until_date"] = 0, ["user"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Громада" } }
                : new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Громада" } },
        },
    };

    public static JsonObject GroupText(int updateId, long groupId, long fromId, string text)
    {
        var m = Message(fromId, new JsonObject { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Громада чат" });
        m["text"] = text;
        return new JsonObject { ["update_id"] = updateId, ["message"] = m };
    }
}
