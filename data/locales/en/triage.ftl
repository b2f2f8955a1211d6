# "Tolong ..." can mean "help!" or "please": one question decides (src/domain/rescue-intent.ts).

cmd-triage = decide whether a message is a rescue call or a supply request
cmd-triage-usage = (asked by the bot after a message such as "tolong kirim air")
triage-ask = Is someone in danger right now, or do you need supplies? Tap one, or answer yes (danger) or no (supplies); I keep what you wrote.
triage-rescue = 🆘 People in danger now
triage-supply = 📦 Supplies (water, food, medicine...)
triage-invalid = Tap one: 1 🆘 people in danger now, or 2 📦 supplies.
