
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0cf99e213a5bb923': str`Tidak ada topik "${0}" dalam daftar hak ini, jadi tidak ada yang dapat ditampilkan.`,
's1d9986978abd46ec': str`Tidak dapat menyalin. Silakan catat: ${0}`,
's1f9ed8d17b81180c': str`Di ${0}`,
's22a8f9290c4c91ab': `Informasi tidak dapat dimuat. Periksa koneksi Anda dan coba lagi.`,
's253d58649b35c4ce': `Bagikan hak ini`,
's25b4f706a60d7c87': `WhatsApp`,
's34abcb7c528b6875': str`Buka sekarang. Tutup pukul ${0}.`,
's3687049d1af562c4': `Salin`,
's36b76f5ee607b3ca': `Cetak hak-hak ini`,
's37e95c6f153a6469': `Apakah hak ini dilanggar?`,
's4037dc36ff6e8784': `Belum ada hak yang tercantum.`,
's495a1de0b70d78e4': `Laporkan kejadiannya`,
's5e8250fb85d64c23': `Tutup`,
's61f1eb222f351430': str`Widget bantuan ini tidak dapat ditampilkan: "${0}" bukan pilihan tampilan.`,
's644f8aacf31049e0': `Bantuan:`,
's6ebc9bd6feae62a3': `Memuat…`,
's6ff2fa0498d9d7f7': str`Belum ada saluran bantuan terverifikasi di ${0}. Layanan di ${1} berikut dapat membantu Anda.`,
's70e466335c2cd19c': str`Salin tautan ini untuk membagikan hak ini: ${0}`,
's81fa26ccde47d6b4': `(terbuka di tab baru)`,
's82665b2ffabc9c0a': `Situs web`,
's82f2b7e97866f5d6': str`Buka sekarang. Tutup pukul ${0} (waktu Anda ${1}).`,
's892ef10c14eb0337': str`Sedang tutup. Buka pukul ${0}.`,
's8b7115e319d04d6e': `Minta bantuan sekarang`,
's8cfaad4d4fb76910': str`Anda sedang luring. Ini salinan yang disimpan pada ${0}; mungkin sudah tidak terbaru.`,
's91e35b759940b346': `Sumber:`,
's94c937c6b12c1264': str`Bahasa: ${0}`,
's98d49b9a7c15abf7': `Belum ada saluran bantuan yang tercantum.`,
's9cbdf702936d1151': `Terjadi kesalahan saat memuat informasi. Coba lagi.`,
's9fda4232f5e1876a': `Minta bantuan`,
'sa06aaa2717353327': `Buka 24 jam setiap hari`,
'sa41bdfc78690600b': str`Tersalin: ${0}`,
'saf2090fcf28d7024': str`Sedang tutup. Buka pukul ${0} (waktu Anda ${1}).`,
'sb05d85d765f97bed': `Pesan singkat (SMS)`,
'sb67443775ce2d662': `Darurat`,
'sb8a4bbbc94da8eff': str`"${0}" bukan kode negara yang dikenal widget ini, jadi saluran bantuan tidak dapat ditampilkan.`,
'sb95ec0109a164d36': `Saluran bantuan darurat`,
'sbc7c5242ad2f9469': `Tautan tersalin. Tempelkan untuk membagikan hak ini.`,
'sc1d4c71aeb0d4b55': str`Tidak ada informasi untuk koridor "${0}".`,
'scabbb401e1274836': `Hukum Indonesia (UU 18/2017) melindungi pekerja migran sebelum, selama, dan setelah bekerja. Inilah hak-hak Anda.`,
'scd1dd6ff53d0d01a': `Coba lagi`,
'sd1f44f1a8bc20e67': `Email`,
'sd5eb6a10c6f3e67f': `Informasi tidak dapat ditampilkan karena rusak. Coba lagi nanti.`,
'sd6a567e2f0489f5e': `Belum ada yang bisa ditampilkan di sini.`,
'sd700a40cc0d2de0d': `Pekerja migran Indonesia`,
'sdf19ce73f016fcea': str`Kartu hak ini tidak dapat ditampilkan: "${0}" bukan pilihan tampilan.`,
'sdfa47b9ce9ac1889': `Telepon`,
'se7b1f7a00705b17e': `Hubungi siapa untuk minta bantuan`,
'sf012452de738f40d': `Jam layanan tidak diketahui. Anda tetap bisa mencoba menelepon atau menulis pesan.`,
'sf0ec944139772d72': `Dasar hukum:`,
'sf139a496c0f9b763': str`Dari ${0}`,
'sf26ee8294dee032d': str`Terakhir diverifikasi ${0}.`,
'sf3122ecfb793f7da': `Cetak kartu ini`,
'sf4de3bfbfaca12e5': `Tersalin`,
'sf54bea645c9edb95': str`Hanya dari dalam ${0}.`,
'sf75213178af72f59': `Anda sedang luring. Ini salinan yang tersimpan; mungkin sudah tidak terbaru.`,
'sf7f889f911ff36b4': `Kenali hak Anda`,
    };
  