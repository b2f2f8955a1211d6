# Photos, voice notes and other media people send (issue 30).
media-too-large = Thank you. That file is too large for me (over { $mb } MB). Please send a smaller photo or a shorter voice note, or write in text.
media-kept = Thank you, I have kept it; it will go with your report. Please answer the question above.
media-attached = Thank you, I have added it to { $ref }; the coordinators can see it.
media-ask = Thank you, I have kept it. What is it about?
media-ask-rescue = Someone needs rescue
media-ask-supply = A supply request
media-ask-neither = Neither
media-neither = All right, I will not pass it on to anyone. Send SOS if you need rescue, or /help for everything else.
media-forward-photo = { $ref }: a photo from { $name }
media-forward-voice = { $ref }: a voice note from { $name }
media-forward-audio = { $ref }: an audio recording from { $name }
media-forward-video = { $ref }: a video from { $name }
media-forward-document = { $ref }: a document from { $name }
media-gps-ask = This photo was taken at { $lat }, { $lon }. Is this where you are?
media-gps-yes = Yes, I am here
media-gps-no = No
media-gps-declined = All right, I will not use it. Where are you? Share your location or write the address.
